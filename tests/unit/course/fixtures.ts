import type { LessonSummary } from '~/lib/course/curriculum';
import type { Course, Lesson, Price } from '~/lib/content/schemas';

/** A small authored course and its lessons, for the curriculum and structured-data tests. */

export const COURSE_SLUG = 'organizing-basics';
export const OTHER_COURSE_SLUG = 'another-course';
export const FIRST_MODULE = 'getting-started';
export const SECOND_MODULE = 'going-further';

export const FREE: Price = { type: 'free' };
export const FIXED_49_USD: Price = { type: 'fixed', amount: 49, currency: 'USD' };
export const PWYC_15_TO_49_EUR: Price = {
  type: 'pay-what-you-can',
  minimum: 15,
  suggested: 49,
  currency: 'EUR',
};

export function course(price: Price = FREE): Course {
  return {
    title: 'Organizing basics',
    tagline: 'A short course for the tests.',
    description: 'Two modules, four lessons.',
    language: 'en',
    level: 'beginner',
    status: 'live',
    price,
    outcomes: ['Run a small campaign', 'Measure it'],
    // Listed in reading order; the second module's lessons come first in the input below.
    modules: [
      { id: FIRST_MODULE, title: 'Getting started' },
      { id: SECOND_MODULE, title: 'Going further' },
    ],
    instructors: ['ada-organizer'],
    faq: [],
  };
}

export function lesson(
  slug: string,
  data: Partial<Lesson> & Pick<Lesson, 'module' | 'order'>,
  courseSlug = COURSE_SLUG,
): LessonSummary {
  return {
    id: `${courseSlug}/${slug}`,
    slug,
    courseSlug,
    data: {
      title: `Lesson ${slug}`,
      summary: 'A lesson.',
      duration: 10,
      preview: false,
      draft: false,
      quizzes: [],
      requiresQuiz: false,
      sources: [],
      ...data,
    },
  };
}

/** Reading order of the published lessons. */
export const READING_ORDER = ['welcome', 'first-bot', 'campaigns', 'measuring'];
export const DRAFT_SLUG = 'work-in-progress';
export const PREVIEW_SLUGS = ['welcome', 'campaigns'];
/** Minutes of the published lessons, by module. */
export const MINUTES = { [FIRST_MODULE]: 5 + 20, [SECOND_MODULE]: 15 + 30 };

/** The lessons as a content collection returns them: shuffled, with a draft, a stray and another course's lesson. */
export function shuffledLessons(): LessonSummary[] {
  return [
    lesson('measuring', { module: SECOND_MODULE, order: 2, duration: 30 }),
    lesson('first-bot', { module: FIRST_MODULE, order: 2, duration: 20 }),
    lesson(DRAFT_SLUG, { module: FIRST_MODULE, order: 3, duration: 45, draft: true }),
    lesson('elsewhere', { module: FIRST_MODULE, order: 1 }, OTHER_COURSE_SLUG),
    lesson('campaigns', { module: SECOND_MODULE, order: 1, duration: 15, preview: true }),
    lesson('stray', { module: 'not-a-module', order: 1 }),
    lesson('welcome', { module: FIRST_MODULE, order: 1, duration: 5, preview: true }),
  ];
}
