/** Interface languages. Adding one means a dictionary file and an entry here; nothing else. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale a path is in and the path without its prefix.
 * @example splitLocale('/es/courses/x') // { locale: 'es', path: '/courses/x' }
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  // Extra leading slashes are collapsed: the path is reused in redirects, and "//host" is another site.
  if (match && isLocale(match[1]) && match[1] !== DEFAULT_LOCALE)
    return { locale: match[1], path: (match[2] ?? '/').replace(/^\/{2,}/, '/') };
  return { locale: DEFAULT_LOCALE, path: pathname };
}

/**
 * A site path in the given locale; the default locale has no prefix.
 * @example localePath('es', '/courses/x') // '/es/courses/x'
 */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}/` : `/${locale}${path}`;
}

/**
 * A page's full address, for links that leave the site (e-mails, Stripe's return addresses).
 * @example absoluteUrl('https://botcamp.example/', 'es', '/login') // 'https://botcamp.example/es/login'
 */
export function absoluteUrl(siteUrl: string, locale: Locale, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${localePath(locale, path)}`;
}

/** The `[...lang]` route parameter as a locale, or null when it names none (the page answers 404). */
export function localeFromParam(param: string | undefined): Locale | null {
  if (param === undefined || param === '') return DEFAULT_LOCALE;
  return isLocale(param) && param !== DEFAULT_LOCALE ? param : null;
}

/**
 * Picks the best supported locale from an Accept-Language header.
 * @example negotiateLocale('es-MX,es;q=0.9,en;q=0.8') // 'es'
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? DEFAULT_LOCALE;
}
