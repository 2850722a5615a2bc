import { defineMiddleware, sequence } from 'astro:middleware';
import { localeFromParam, localePath, splitLocale } from '~/lib/i18n/locales';
import { languageToRedirectTo, LOCALE_COOKIE } from '~/lib/i18n/preference';
import { isDatabaseUnavailable } from '~/lib/db';
import { translator } from '~/lib/i18n/translate';
import { authenticate } from '~/server/auth-middleware';
import { plainResponse } from '~/server/forms';
import { lessonPages } from '~/server/lesson-route';
import { keptPages } from '~/server/kept-pages';
// Offers the server entry (src/cli/serve.ts) kept pages to send before the framework runs.
import '~/server/early-answers';
import { secureCookies, siteOrigin } from '~/server/runtime';
import { isSameOrigin, needsOriginCheck } from '~/lib/http/origin';
import { NOTICE_COOKIE, noticeCookieOptions, parseNotice } from '~/lib/http/notice';
import { SIGNED_IN_CACHE_CONTROL, securityHeadersFor } from '~/lib/http/security-headers';

/**
 * Refuses form posts from other sites (CSRF). Astro's own check compares Origin with the address
 * the request arrived at, which behind an HTTPS proxy is http://…, never what the browser sends;
 * this one also accepts the public address (SITE_URL), so it is switched off in astro.config.mjs.
 */
const originCheck = defineMiddleware((context, next) => {
  const { request, url } = context;
  if (!needsOriginCheck(request.method, request.headers.get('content-type'))) return next();
  if (isSameOrigin(request.headers, [siteOrigin, url.origin])) return next();
  return plainResponse(403, context.locals.t('error.cross-site'));
});

/**
 * Sets the interface language from the URL (`/es/…` is Spanish, everything else English) and its
 * strings, once per request. A `[...lang]` page under a prefix that names no language
 * (`/fr/login`) is a 404 here, so pages never check it themselves.
 */
const locale = defineMiddleware((context, next) => {
  context.locals.locale = splitLocale(context.url.pathname).locale;
  context.locals.t = translator(context.locals.locale);
  if (
    context.routePattern.startsWith('/[...lang]') &&
    localeFromParam(context.params.lang) === null
  )
    return context.rewrite('/404');
  return next();
});

/**
 * Sends someone who prefers another language (remembered choice, profile, or Accept-Language on
 * a first visit) from an English page to the same page in their language. Runs after
 * authentication so the profile's choice is known.
 */
const languagePreference = defineMiddleware((context, next) => {
  const preferred = languageToRedirectTo({
    method: context.request.method,
    pathname: context.url.pathname,
    cookie: context.cookies.get(LOCALE_COOKIE)?.value,
    userLocale: context.locals.user?.locale ?? null,
    acceptLanguage: context.request.headers.get('accept-language'),
  });
  if (preferred === null) return next();
  return new Response(null, {
    status: 302,
    headers: {
      Location: `${localePath(preferred, splitLocale(context.url.pathname).path)}${context.url.search}`,
      Vary: 'Accept-Language, Cookie',
    },
  });
});

/**
 * Headers every on-demand response carries. Static files are served by the adapter before
 * middleware, and they are public by design.
 */
const securityHeaders = defineMiddleware(async (context, next) => {
  const response = await next();
  const headers = response.headers;
  const own = securityHeadersFor(splitLocale(context.url.pathname).path, secureCookies);
  try {
    for (const [name, value] of own) headers.set(name, value);
  } catch {
    // Response.redirect() and fetch() responses have immutable headers; ours never do.
    return response;
  }
  if (context.locals.user && !headers.has('Cache-Control'))
    headers.set('Cache-Control', SIGNED_IN_CACHE_CONTROL);
  return response;
});

/**
 * The database out of reach (PostgreSQL down, or a SQLite write lock held elsewhere too long)
 * is answered with a plain 503 the person can act on, never a stack trace; the next request tries
 * again, so the site recovers by itself when the database returns.
 */
const databaseUnavailable = defineMiddleware(async (context, next) => {
  try {
    return await next();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.warn(
      `botcamp: database unavailable for ${context.request.method} ${context.url.pathname}: ${error instanceof Error ? error.message : String(error)}`,
    );
    const response = plainResponse(503, context.locals.t('error.database-unavailable'));
    response.headers.set('Retry-After', '30');
    response.headers.set('Cache-Control', 'no-store');
    return response;
  }
});

/** Hands a one-time notice from the redirect before to the page (see lib/http/notice.ts), once. */
const notice = defineMiddleware((context, next) => {
  const value =
    context.request.method === 'GET' ? context.cookies.get(NOTICE_COOKIE)?.value : undefined;
  if (value !== undefined) {
    context.locals.notice = parseNotice(value);
    context.cookies.delete(NOTICE_COOKIE, noticeCookieOptions(secureCookies));
  }
  return next();
});

export const onRequest = sequence(
  locale,
  securityHeaders,
  originCheck,
  databaseUnavailable,
  authenticate,
  languagePreference,
  notice,
  keptPages,
  lessonPages,
);
