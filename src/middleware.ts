import { defineMiddleware, sequence } from 'astro:middleware';
import { splitLocale } from '~/lib/i18n/locales';
import { authenticate } from '~/server/auth-middleware';

/** Sets the interface language from the URL: `/es/…` is Spanish, everything else English. */
const locale = defineMiddleware((context, next) => {
  context.locals.locale = splitLocale(context.url.pathname).locale;
  return next();
});

/**
 * Headers every on-demand response carries. Static files are served by the adapter before
 * middleware, and they are public by design.
 */
const securityHeaders = defineMiddleware(async (context, next) => {
  const response = await next();
  const headers = response.headers;
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', context.url.pathname.startsWith('/reset-password') ? 'no-referrer' : 'strict-origin-when-cross-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (context.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (context.locals.user && !headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
  return response;
});

export const onRequest = sequence(locale, authenticate, securityHeaders);
