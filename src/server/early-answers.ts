import { parseCookie } from 'cookie';
import { sessionCookieName } from '~/lib/auth/cookie';
import { checkSessionToken } from '~/lib/auth/session';
import { isDatabaseUnavailable } from '~/lib/db';
import type { SessionUser } from '~/lib/auth/user';
import { offerEarlyAnswers, type EarlyOutcome, type EarlyRequest } from '~/lib/http/early-answers';
import { asksForEncoding, mayEncode, negotiateEncoding } from '~/lib/http/compression';
import { keepableRequest, type KeptAnswer } from '~/lib/http/kept-pages';
import { NOTICE_COOKIE } from '~/lib/http/notice';
import { SIGNED_IN_CACHE_CONTROL, securityHeadersFor } from '~/lib/http/security-headers';
import { splitLocale } from '~/lib/i18n/locales';
import { languageToRedirectTo, LOCALE_COOKIE } from '~/lib/i18n/preference';
import { keptCopyOf, keptPublicCopy } from './kept-pages';
import { lessonPageStamp, loadLessonPage } from './lesson-page';
import { getDb, secureCookies, siteOrigin } from './runtime';

const SESSION_COOKIE = sessionCookieName(secureCookies);
/** The lesson route, `/[...lang]/courses/[course]/lessons/[lesson]`, for slugs as content names them. */
const LESSON_PATH = /^\/courses\/([a-z0-9-]+)\/lessons\/([a-z0-9-]+)\/?$/;

/**
 * A kept page for this request, answered before the framework runs (see src/lib/http/early-answers.ts),
 * or null, and the framework answers. The middleware (src/middleware.ts) decides the same things
 * with the same functions; wherever it would do anything but send a kept copy with the security
 * headers, this declines:
 * - anything but a plain GET of a clean path, or a one-time notice to show (`keepableRequest`);
 * - a session cookie whose session is not simply valid: unknown, dead (the cookie must be cleared)
 *   or due for renewal (the cookie must be sent again);
 * - a visitor to be sent to their language (`languageToRedirectTo`);
 * - a lesson whose loader answers anything but the page or its 403, or a stamp with no copy (what
 *   was loaded goes to the framework, which renders from it);
 * - a public page with no copy, or whose read no longer matches it; signed-in visitors never get one.
 * Every read runs on each request, as it does in the middleware, so a revocation or another
 * server's write shows on the next request. Any error declines too: the framework's path reports it.
 */
export async function earlyAnswer(request: EarlyRequest): Promise<EarlyOutcome> {
  if (request.method !== 'GET') return null;
  const [pathname = '/', search] = (request.url ?? '/').split('?', 2);
  const cookies = parseCookie(request.headers.cookie ?? '');
  const keepable = keepableRequest({
    method: request.method,
    pathname,
    search: search === undefined ? '' : `?${search}`,
    hasNotice: cookies[NOTICE_COOKIE] !== undefined,
  });
  if (!keepable) return null;

  const token = cookies[SESSION_COOKIE];
  let user: SessionUser | null = null;
  if (token !== undefined) {
    const check = await checkSessionToken(await getDb(), token);
    if (check?.verdict !== 'valid') return null;
    user = check.user;
  }
  const redirect = languageToRedirectTo({
    method: 'GET',
    pathname,
    cookie: cookies[LOCALE_COOKIE],
    userLocale: user?.locale ?? null,
    acceptLanguage: headerValue(request.headers['accept-language']),
  });
  if (redirect !== null) return null;

  const { locale, path } = splitLocale(pathname);
  const lesson = LESSON_PATH.exec(path);
  let kept: KeptAnswer | undefined;
  if (lesson) {
    const page = await loadLessonPage({
      courseSlug: lesson[1]!,
      lessonSlug: lesson[2]!,
      locale,
      user,
      url: new URL(pathname, siteOrigin),
      returnPath: pathname,
    });
    if (page.kind === 'ok' || page.kind === 'forbidden')
      kept = keptCopyOf(pathname, lessonPageStamp(page, user));
    // Not kept yet (or a page that never is): the lesson route renders from what was read here.
    if (!kept) return { loaded: { earlyLessonPage: { path: pathname, page } } };
  } else if (token === undefined) {
    kept = await keptPublicCopy(pathname);
  }
  if (!kept) return null;

  const headers = [...kept.headers, ...securityHeadersFor(path, secureCookies)];
  if (user && !headers.some(([name]) => name.toLowerCase() === 'cache-control'))
    headers.push(['Cache-Control', SIGNED_IN_CACHE_CONTROL]);
  const answer = { status: kept.status, headers, body: kept.body };
  // In the encoding the framework's path would send (compressAnswers), from the copy's own.
  const acceptEncoding = request.headers['accept-encoding'];
  if (!asksForEncoding(acceptEncoding)) return { answer };
  headers.push(['Vary', 'Accept-Encoding']);
  const encoding = negotiateEncoding(acceptEncoding);
  if (encoding === 'identity' || !mayEncode(answer)) return { answer };
  // A length the copy may carry is the uncompressed one; the server sets the sent body's own.
  const encoded = headers.filter(([name]) => name.toLowerCase() !== 'content-length');
  encoded.push(['Content-Encoding', encoding]);
  return { answer: { status: kept.status, headers: encoded, body: await kept.encoded(encoding) } };
}

const headerValue = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;

offerEarlyAnswers((request) =>
  earlyAnswer(request).catch((error: unknown) => {
    // The framework's path answers instead, and reports a database out of reach itself.
    if (!isDatabaseUnavailable(error))
      console.error(
        `botcamp: early answer for ${request.url} failed; answering the usual way`,
        error,
      );
    return null;
  }),
);
