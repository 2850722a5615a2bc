import { defineMiddleware } from 'astro:middleware';
import { sessionCookieName } from '~/lib/auth/cookie';
import { KeptPages } from '~/lib/http/kept-pages';
import { secureCookies } from './runtime';

/**
 * Rendered pages kept and answered again (see src/lib/http/kept-pages.ts). A public page that may
 * be kept calls `keepThisPage` with what it read from the database and how; the lesson route asks
 * `keptCopy` with the stamp of what it read for its viewer. `keptPages`, the last middleware but
 * the lesson route's, answers anonymous public pages from their copies and keeps what marked pages
 * rendered. `astro dev` keeps nothing, so authors see every change.
 */
const cache = new KeptPages({
  enabled: !import.meta.env.DEV,
  sessionCookie: sessionCookieName(secureCookies),
});

const viewOf = (locals: App.Locals) => ({
  signedIn: locals.user !== null,
  hasNotice: locals.notice !== undefined,
});

/** `data`: what this render read from the database; `read`: the same read, to run on later requests. */
export function keepThisPage(
  context: { request: Request; url: URL; locals: App.Locals },
  page: { data: unknown; read: () => Promise<unknown> },
): void {
  cache.mark(context.request, context.url, viewOf(context.locals), page);
}

export const keptPages = defineMiddleware(
  async (context, next) =>
    (await cache.serve(context.request, context.url, viewOf(context.locals))) ??
    cache.keep(context.request, await next()),
);

/**
 * For a page that has read everything it shows before it renders: the kept copy rendered from
 * the same `stamp` (see KeptPages.copyFor), or undefined, and the page renders and is kept.
 */
export function keptCopy(
  context: { request: Request; url: URL; locals: App.Locals },
  stamp: string,
): Response | undefined {
  return cache.copyFor(context.request, context.url, viewOf(context.locals), stamp);
}

/** For early answers (src/server/early-answers.ts): `keptCopy` without a Request or locals. */
export const keptCopyOf = (pathname: string, stamp: string) => cache.copyOf(pathname, stamp);

/** For early answers: what `keptPages` would answer an anonymous visitor from, without a Request. */
export const keptPublicCopy = (pathname: string) => cache.publicCopy(pathname);
