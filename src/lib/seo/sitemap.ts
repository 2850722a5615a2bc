import { localePath, type Locale } from '~/lib/i18n/locales';

export interface SitemapPage {
  /** Path without a locale prefix, e.g. "/courses/x". */
  path: string;
  locales: Locale[];
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A sitemap with one <url> per page and language, each naming its other-language versions.
 * @see https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap
 */
export function sitemapXml(siteUrl: string, pages: SitemapPage[]): string {
  const urls = pages.flatMap((page) =>
    page.locales.map((locale) => {
      const alternates = page.locales
        .map(
          (alt) =>
            `    <xhtml:link rel="alternate" hreflang="${alt}" href="${escapeXml(siteUrl + localePath(alt, page.path))}"/>`,
        )
        .join('\n');
      return `  <url>\n    <loc>${escapeXml(siteUrl + localePath(locale, page.path))}</loc>\n${alternates}\n  </url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}
