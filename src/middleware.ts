import { defineMiddleware, sequence } from 'astro:middleware';
import { DEFAULT_LOCALE, localePath, splitLocale } from '~/lib/i18n/locales';
import { isLocalizablePage, LOCALE_COOKIE, preferredLocale } from '~/lib/i18n/preference';
import { authenticate } from '~/server/auth-middleware';

/** Sets the interface language from the URL: `/es/…` is Spanish, everything else English. */
const locale = defineMiddleware((context, next) => {
  context.locals.locale = splitLocale(context.url.pathname).locale;
  return next();
});

/**
 * Sends someone who prefers another language (remembered choice, profile, or Accept-Language on
 * a first visit) from an English page to the same page in their language. Runs after
 * authentication so the profile's choice is known.
 */
const languagePreference = defineMiddleware((context, next) => {
  const { locale, path } = splitLocale(context.url.pathname);
  if (context.request.method !== 'GET' || locale !== DEFAULT_LOCALE || !isLocalizablePage(path)) return next();
  const preferred = preferredLocale({
    cookie: context.cookies.get(LOCALE_COOKIE)?.value,
    userLocale: context.locals.user?.locale ?? null,
    acceptLanguage: context.request.headers.get('accept-language'),
  });
  if (preferred === DEFAULT_LOCALE) return next();
  return new Response(null, { status: 302, headers: { Location: `${localePath(preferred, path)}${context.url.search}`, Vary: 'Accept-Language, Cookie' } });
});

/**
 * Headers every on-demand response carries. Static files are served by the adapter before
 * middleware, and they are public by design.
 */
const securityHeaders = defineMiddleware(async (context, next) => {
  const response = await next();
  const headers = response.headers;
  try {
    headers.set('X-Content-Type-Options', 'nosniff');
  } catch {
    // Response.redirect() and fetch() responses have immutable headers; ours never do.
    return response;
  }
  headers.set('Referrer-Policy', /^\/reset-password\/./.test(splitLocale(context.url.pathname).path) ? 'no-referrer' : 'strict-origin-when-cross-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (context.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (context.locals.user && !headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
  return response;
});

export const onRequest = sequence(locale, securityHeaders, authenticate, languagePreference);
