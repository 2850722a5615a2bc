import type { APIRoute } from 'astro';
import { siteUrl } from '~/server/runtime';

/** Crawlers may read public pages; accounts, APIs and admin are off limits. */
export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      'Disallow: /api/',
      'Disallow: /admin',
      'Disallow: /dashboard',
      'Disallow: /es/dashboard',
      'Disallow: /account',
      'Disallow: /es/account',
      'Disallow: /reset-password/',
      'Disallow: /es/reset-password/',
      '',
      `Sitemap: ${siteUrl}/sitemap.xml`,
      '',
    ].join('\n'),
    {
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
      },
    },
  );
