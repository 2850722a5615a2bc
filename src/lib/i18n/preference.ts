import { DEFAULT_LOCALE, isLocale, negotiateLocale, splitLocale, type Locale } from './locales';

/** Remembers a visitor's chosen language between visits; read by the locale middleware. */
export const LOCALE_COOKIE = 'lang';

export function localeCookieOptions(secure: boolean): {
  path: string;
  maxAge: number;
  sameSite: 'lax';
  httpOnly: boolean;
  secure: boolean;
} {
  return { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true, secure };
}

/**
 * The language to show someone arriving on an English (unprefixed) page: their remembered
 * choice, else their profile's, else what their browser asks for.
 * @example preferredLocale({ cookie: undefined, userLocale: null, acceptLanguage: 'es-MX,es;q=0.9' }) // 'es'
 */
export function preferredLocale(input: {
  cookie: string | undefined;
  userLocale: string | null;
  acceptLanguage: string | null;
}): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  if (isLocale(input.userLocale)) return input.userLocale;
  return negotiateLocale(input.acceptLanguage);
}

/** Paths that are pages in both languages; APIs, admin and files are never redirected. */
export function isLocalizablePage(path: string): boolean {
  return (
    !/^\/(api|_actions|_astro|_server-islands|admin|logout|language)(\/|$)/.test(path) &&
    !/\.[a-z0-9]+$/i.test(path)
  );
}

/**
 * The language a GET of an English (unprefixed) page should be redirected to for this visitor, or
 * null to show the page as asked. Only pages in both languages are redirected.
 * @example languageToRedirectTo({ method: 'GET', pathname: '/courses/x', cookie: 'es', userLocale: null, acceptLanguage: null }) // 'es'
 */
export function languageToRedirectTo(input: {
  method: string;
  pathname: string;
  cookie: string | undefined;
  userLocale: string | null;
  acceptLanguage: string | null;
}): Locale | null {
  const { locale, path } = splitLocale(input.pathname);
  if (input.method !== 'GET' || locale !== DEFAULT_LOCALE || !isLocalizablePage(path)) return null;
  const preferred = preferredLocale(input);
  return preferred === DEFAULT_LOCALE ? null : preferred;
}
