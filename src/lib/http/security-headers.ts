/**
 * Headers every on-demand answer carries, whichever way it is made: rendered through the middleware
 * (src/middleware.ts) or answered early from a kept copy (src/server/early-answers.ts).
 *
 * `path` is the page's path without its language prefix: a password-reset link carries its token
 * in the path, so those pages send no Referer at all. `secure`: the public address is https (a
 * TLS-terminating proxy in front makes requests arrive as http, so the address decides).
 */
export function securityHeadersFor(path: string, secure: boolean): [string, string][] {
  const headers: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    [
      'Referrer-Policy',
      /^\/reset-password\/./.test(path) ? 'no-referrer' : 'strict-origin-when-cross-origin',
    ],
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
  if (secure) headers.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
  return headers;
}

/** What a signed-in person's page says about caching when the page itself said nothing. */
export const SIGNED_IN_CACHE_CONTROL = 'private, no-store';
