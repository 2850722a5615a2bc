import { buildCurriculum, type Curriculum, type LessonSummary } from '~/lib/course/curriculum';
import type { Course, Quiz } from '~/lib/content/schemas';
import { lesson } from '../course/fixtures';
import type { Db } from '~/lib/db';
import { users } from '~db/schema';

/** Shared by the enrollment and progress tests: users, a course and its quizzes. */

export const COURSE_SLUG = 'three-lesson-course';
export const OTHER_COURSE_SLUG = 'other-course';

let emailCounter = 0;

/**
 * Inserts a user directly (no password, no sign-up rules): these tests are about enrollment and
 * progress, not accounts.
 */
export async function createUser(
  db: Db,
  options: { role?: 'learner' | 'instructor' | 'admin'; displayName?: string; email?: string } = {},
): Promise<{ id: number; role: 'learner' | 'instructor' | 'admin'; displayName: string }> {
  emailCounter += 1;
  const role = options.role ?? 'learner';
  const displayName = options.displayName ?? `Learner ${emailCounter}`;
  const email = options.email ?? `user${emailCounter}@example.org`;
  const [row] = await db.write((tx) =>
    tx.insert(users).values({ email, displayName, role }).returning({ id: users.id }),
  );
  if (row === undefined) throw new Error(`inserting user ${email} returned no row`);
  return { id: row.id, role, displayName };
}

/** A two-option quiz whose right answer is option 1. */
export function quiz(id: string): Quiz {
  return {
    id,
    question: `Question ${id}?`,
    options: ['Wrong', 'Right'],
    answer: 1,
    explanation: 'Because.',
  };
}

/** The "three-lesson course" as authored: a free course whose third lesson is quiz-gated. */
export const threeLessonCourse: Course = {
  title: 'Three-lesson course',
  tagline: 'A tiny course for tests.',
  description: 'Three lessons over two modules.',
  language: 'en',
  level: 'beginner',
  status: 'live',
  price: { type: 'free' },
  outcomes: ['Pass the tests'],
  modules: [
    { id: 'basics', title: 'Basics' },
    { id: 'practice', title: 'Practice' },
  ],
  instructors: ['someone'],
  faq: [],
};

/**
 * "three-lesson course": intro (preview) and setup in Basics, then quiz-time in Practice, which
 * requires both of its quizzes. Lessons are listed out of order so buildCurriculum's ordering is
 * what the tests see.
 */
export function threeLessonCurriculum(): Curriculum {
  return buildCurriculum(
    COURSE_SLUG,
    threeLessonCourse,
    [
      lesson(
        'quiz-time',
        {
          module: 'practice',
          order: 1,
          quizzes: [quiz('q-one'), quiz('q-two')],
          requiresQuiz: true,
        },
        COURSE_SLUG,
      ),
      lesson('setup', { module: 'basics', order: 2 }, COURSE_SLUG),
      lesson('intro', { module: 'basics', order: 1, preview: true }, COURSE_SLUG),
    ],
    false,
  );
}

/** The completion input for a curriculum lesson, as the endpoint builds it. */
export function completionInput(summary: LessonSummary): {
  slug: string;
  requiresQuiz: boolean;
  quizIds: string[];
} {
  return {
    slug: summary.slug,
    requiresQuiz: summary.data.requiresQuiz,
    quizIds: summary.data.quizzes.map((q) => q.id),
  };
}

/** Looks a lesson up by slug, failing the test loudly if the fixture changed. */
export function lessonOf(curriculum: Curriculum, slug: string): LessonSummary {
  const found = curriculum.lessons.find((l) => l.slug === slug);
  if (found === undefined) throw new Error(`fixture has no lesson ${slug}`);
  return found;
}

/**
 * Runs `calls` at the same time, after opening that many connections: on PostgreSQL a cold pool
 * connects one call at a time, so the first transaction would be done before the next began and
 * a "race" would test nothing. On SQLite the warm-up is a few harmless reads.
 */
export async function race<T>(db: Db, calls: Array<() => Promise<T>>): Promise<T[]> {
  await Promise.all(calls.map(() => db.read.select({ id: users.id }).from(users).limit(1)));
  return Promise.all(calls.map((call) => call()));
}
