import type { APIRoute } from 'astro';
import { startingAmount } from '~/lib/course/price';
import { formatMoney } from '~/lib/i18n/format';
import { localeFromParam } from '~/lib/i18n/locales';
import { translator } from '~/lib/i18n/translate';
import { renderOgImage } from '~/lib/seo/og-image';
import { getCurriculum } from '~/server/catalog';
import { plainResponse } from '~/server/forms';

// Content is fixed for the life of the process, so each image is drawn once (a cache, not state).
const rendered = new Map<string, Promise<Buffer>>();

/** The course's social preview image, in the page's language. */
export const GET: APIRoute = async ({ params }) => {
  const locale = localeFromParam(params.lang);
  const curriculum = locale ? await getCurriculum(params.course ?? '', locale) : undefined;
  const t = translator(locale ?? 'en');
  if (!locale || !curriculum) return plainResponse(404, t('error.course-not-found'));
  const { course } = curriculum;
  const starting = startingAmount(course.price);
  const price = starting
    ? formatMoney(locale, starting.amount, starting.currency)
    : t('price.free');
  const key = `${locale}/${curriculum.slug}`;
  if (!rendered.has(key))
    rendered.set(
      key,
      renderOgImage({
        title: course.title,
        tagline: course.tagline,
        meta: `${t('course.lessonCount', { count: curriculum.lessons.length })} · ${price}`,
        siteName: t('site.name'),
      }),
    );
  const png = await rendered.get(key)!;
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
  });
};
