declare namespace App {
  interface Locals {
    /** Interface language of this request, from the URL prefix. */
    locale: import('./lib/i18n/locales').Locale;
    /** The interface strings in `locale` (set with it by the middleware). */
    t: import('./lib/i18n/translate').Translate;
    /** The signed-in user, or null for a visitor. Set by the auth middleware on every request. */
    user: import('./lib/auth/user').SessionUser | null;
    /** The current login session (not Astro's session store, which is off), or null. */
    session: import('./lib/auth/session').Session | null;
    /** A one-time notice for this page (see src/lib/http/notice.ts). */
    notice?: import('./lib/http/notice').Notice | undefined;
    /** The lesson page's data, loaded by its middleware (src/server/lesson-route.ts). */
    lessonPage?: import('./server/lesson-page').LessonPage;
    /**
     * The lesson an early answer loaded for this path and then left to the framework (no copy
     * kept for it yet): the lesson route uses it instead of reading everything again.
     */
    earlyLessonPage?: { path: string; page: import('./server/lesson-page').LessonPage };
    /** Set by the lesson page for the components inside its MDX (quizzes, bots). */
    lesson?: import('./server/lesson-page').LessonContext;
  }
}
