import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { LOCALES } from '~/lib/i18n/locales';
import { sitemapXml, type SitemapPage } from '~/lib/seo/sitemap';
import { listCourses } from '~/server/catalog';
import { siteUrl } from '~/server/runtime';

/** Public pages in every language, each listing its alternates (hreflang). */
export const GET: APIRoute = async () => {
  const courses = await listCourses('en');
  const instructors = await getCollection('instructors');
  const paths: string[] = ['/', '/values'];
  for (const { slug, lessons } of courses) {
    paths.push(`/courses/${slug}`);
    for (const lesson of lessons)
      if (lesson.data.preview) paths.push(`/courses/${slug}/lessons/${lesson.slug}`);
  }
  for (const instructor of instructors) paths.push(`/instructors/${instructor.id}`);
  const pages: SitemapPage[] = paths.map((path) => ({ path, locales: [...LOCALES] }));
  return new Response(sitemapXml(siteUrl, pages), {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  });
};
