/**
 * Session cookie settings as plain data; the Astro side passes them to `cookies.set`.
 * Over https the name carries the `__Host-` prefix, which browsers only accept with Secure,
 * Path=/ and no Domain: a sibling subdomain or an http page cannot plant or overwrite it.
 */
export const SESSION_COOKIE = { http: 'session', https: '__Host-session' } as const;

export type SessionCookieName = (typeof SESSION_COOKIE)[keyof typeof SESSION_COOKIE];

export interface SessionCookieOptions {
  httpOnly: true;
  /** Lax: sent on top-level navigation from other sites (links into the course work), never on
   * their cross-site POSTs. */
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  expires: Date;
  maxAge?: number;
}

/**
 * The cookie name for this deployment.
 *
 * @example
 * sessionCookieName(url.protocol === 'https:') // '__Host-session'
 */
export function sessionCookieName(secure: boolean): SessionCookieName {
  return secure ? SESSION_COOKIE.https : SESSION_COOKIE.http;
}

/**
 * Options for setting the session cookie; it expires with the session.
 *
 * @example
 * cookies.set(sessionCookieName(secure), token, sessionCookieOptions(session.expiresAt, secure));
 */
export function sessionCookieOptions(expiresAt: Date, secure: boolean): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt };
}

/**
 * Options that make the browser drop the cookie (logout, invalid session).
 *
 * @example
 * cookies.set(sessionCookieName(secure), '', expiredSessionCookieOptions(secure));
 */
export function expiredSessionCookieOptions(secure: boolean): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0), maxAge: 0 };
}
