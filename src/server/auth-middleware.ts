import { defineMiddleware } from 'astro:middleware';
import {
  expiredSessionCookieOptions,
  sessionCookieName,
  sessionCookieOptions,
  validateSessionToken,
} from '~/lib/auth/session';
import { getDb, secureCookies } from './runtime';

const cookieName = sessionCookieName(secureCookies);

/**
 * Reads the session cookie, validates it against the database and sets `locals.user` and
 * `locals.session` (null when anonymous). Owns refreshing the cookie on sliding expiry and
 * deleting it when the session is gone. Prerendered pages never reach here at request time.
 */
export const authenticate = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  context.locals.session = null;
  if (context.isPrerendered) return next();
  const token = context.cookies.get(cookieName)?.value;
  if (!token) return next();
  const result = await validateSessionToken(await getDb(), token);
  if (!result) {
    // Deleted with the same attributes it was set with: a __Host- cookie cleared without Secure
    // is ignored by browsers, which would keep sending the dead token.
    context.cookies.set(cookieName, '', expiredSessionCookieOptions(secureCookies));
    return next();
  }
  context.locals.user = result.user;
  context.locals.session = result.session;
  if (result.renewed)
    context.cookies.set(
      cookieName,
      token,
      sessionCookieOptions(result.session.expiresAt, secureCookies),
    );
  return next();
});
