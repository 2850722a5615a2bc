import { defineMiddleware } from 'astro:middleware';
import { lessonPageStamp, loadLessonPage } from './lesson-page';
import { keptCopy } from './kept-pages';

const LESSON_ROUTE = '/[...lang]/courses/[course]/lessons/[lesson]';

/**
 * The lesson page's loader, run before Astro starts the page: most lesson views are answered here
 * from a copy rendered for the same stamp (what the page shows of its viewer; see
 * `lessonPageStamp`), so they skip the render and its per-request setup (the CSP hashes among it).
 * Otherwise the page renders what was loaded here (`locals.lessonPage`), and is kept.
 */
export const lessonPages = defineMiddleware(async (context, next) => {
  if (context.routePattern !== LESSON_ROUTE) return next();
  const { locals, url, params } = context;
  // An early answer that found no copy has loaded this very request's lesson already.
  const early = locals.earlyLessonPage;
  const page =
    early && early.path === url.pathname
      ? early.page
      : await loadLessonPage({
          courseSlug: params.course ?? '',
          lessonSlug: params.lesson ?? '',
          locale: locals.locale,
          user: locals.user,
          url,
          returnPath: url.pathname,
        });
  locals.lessonPage = page;
  if (page.kind === 'ok' || page.kind === 'forbidden') {
    const kept = keptCopy(context, lessonPageStamp(page, locals.user));
    if (kept) return kept;
  }
  return next();
});
