import { defineMiddleware } from 'astro:middleware';
import { sessionCookieName } from '~/lib/auth/cookie';
import { PublicPageCache } from '~/lib/http/public-page-cache';
import { secureCookies } from './runtime';

/**
 * The public pages' rendered HTML for anonymous visitors (see src/lib/http/public-page-cache.ts):
 * a page that may be kept calls `keepThisPage` with what it read from the database and how;
 * `publicPages`, the last middleware, answers from a kept copy while that read gives the same
 * data, and keeps what such a page rendered. `astro dev` keeps nothing, so authors see every change.
 */
const cache = new PublicPageCache({
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

export const publicPages = defineMiddleware(
  async (context, next) =>
    (await cache.serve(context.request, context.url, viewOf(context.locals))) ??
    cache.keep(context.request, await next()),
);

/**
 * For a page that has read everything it shows before it renders: the kept copy rendered from
 * the same `stamp` (see PublicPageCache.copyFor), or undefined, and the page renders and is kept.
 */
export function keptCopy(
  context: { request: Request; url: URL; locals: App.Locals },
  stamp: string,
): Response | undefined {
  return cache.copyFor(context.request, context.url, viewOf(context.locals), stamp);
}
