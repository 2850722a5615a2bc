import { localePath, type Locale } from '~/lib/i18n/locales';

/**
 * A redirect target from a form or query string, kept on this site: only absolute paths, never
 * `//host`, `/\host` or a scheme. Anything else becomes `fallback`.
 * @example safeNextPath('/courses/x?y=1', '/') // '/courses/x?y=1' ; safeNextPath('//evil.example', '/') // '/'
 */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://botcamp.invalid');
    if (url.host !== 'botcamp.invalid') return fallback;
    // Normalising can turn "/.//evil.example" into "//evil.example": check the result too.
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('//') || path.startsWith('/\\') ? fallback : path;
  } catch {
    return fallback;
  }
}

/**
 * The login or sign-up page in a language, with the site path to return to afterwards (checked
 * again when it is used) and, for a gated lesson, why the person was sent there.
 * @example loginPath('es', '/es/courses/x/lessons/y', 'lesson') // '/es/login?next=%2Fes%2Fcourses%2Fx%2Flessons%2Fy&for=lesson'
 */
export function loginPath(locale: Locale, next: string, reason?: 'lesson'): string {
  return accountPagePath(locale, '/login', next, reason);
}

/** Like `loginPath`, for the sign-up page. */
export function signupPath(locale: Locale, next: string): string {
  return accountPagePath(locale, '/signup', next);
}

function accountPagePath(
  locale: Locale,
  page: '/login' | '/signup',
  next: string,
  reason?: 'lesson',
): string {
  return `${localePath(locale, page)}?next=${encodeURIComponent(next)}${reason ? `&for=${reason}` : ''}`;
}

/**
 * Sends someone who is not signed in to log in, coming back to `next` afterwards. 302 for a page
 * someone opened; 303 after a form post.
 * @example if (!locals.user) return loginRedirect(locals.locale, url.pathname);
 */
export function loginRedirect(
  locale: Locale,
  next: string,
  options: { status?: 302 | 303; reason?: 'lesson' } = {},
): Response {
  return new Response(null, {
    status: options.status ?? 302,
    headers: { Location: loginPath(locale, next, options.reason) },
  });
}
