import { and, asc, desc, eq, lt, ne, sql } from 'drizzle-orm';
import { preparedRead, type Db, type Reader } from '~/lib/db';
import type { Quiz } from '~/lib/content/schemas';
import { quizAttempts } from '~db/schema';

/** What a learner has done with one quiz so far, for redrawing it and for completion rules. */
export interface QuizState {
  /** True once any attempt was correct; a later wrong answer does not take it back. */
  passed: boolean;
  lastChosen: number;
  lastCorrect: boolean;
  attempts: number;
}

/**
 * Whether `chosen` is the index of one of the quiz's options. Endpoints check this before
 * grading so a crafted request gets a 400, not a stored attempt.
 *
 * @example
 * if (!isValidChoice(quiz, Number(form.get('choice')))) return new Response(null, { status: 400 });
 */
export function isValidChoice(quiz: Quiz, chosen: number): boolean {
  return Number.isInteger(chosen) && chosen >= 0 && chosen < quiz.options.length;
}

/**
 * Grades one answer. Pure and total: an out-of-range choice is simply not correct, because
 * range checking is the endpoint's job (isValidChoice) and a grader that throws would turn a bad
 * request into a 500.
 *
 * @example
 * const { correct, correctIndex } = gradeQuiz(quiz, 2);
 */
export function gradeQuiz(quiz: Quiz, chosen: number): { correct: boolean; correctIndex: number } {
  return {
    correct: isValidChoice(quiz, chosen) && chosen === quiz.answer,
    correctIndex: quiz.answer,
  };
}

/**
 * How many attempts are kept per learner and quiz. A learner (or a script with their session)
 * could otherwise answer the same question millions of times and grow the table without bound;
 * it also stops one person's clicking from dominating the "most missed questions" report.
 */
export const MAX_KEPT_ATTEMPTS = 20;

/**
 * Grades and stores one attempt. Attempts are kept (not just the latest) so instructors can see
 * which questions people struggle with, up to MAX_KEPT_ATTEMPTS per learner and quiz: beyond that
 * the oldest are dropped in the same transaction, except the first correct one, so a pass is
 * never forgotten. An invalid choice throws: the caller should have rejected it with
 * isValidChoice, and storing it would pollute those statistics.
 *
 * @example
 * const { correct } = await recordQuizAttempt(db, { userId: user.id, courseSlug, lessonSlug, quiz, chosen });
 */
export async function recordQuizAttempt(
  db: Db,
  input: { userId: number; courseSlug: string; lessonSlug: string; quiz: Quiz; chosen: number },
  now: Date = new Date(),
): Promise<{ correct: boolean }> {
  if (!isValidChoice(input.quiz, input.chosen)) {
    throw new RangeError(`choice ${input.chosen} is not an option of quiz "${input.quiz.id}"`);
  }
  const { correct } = gradeQuiz(input.quiz, input.chosen);
  await db.write(async (tx) => {
    await tx.insert(quizAttempts).values({
      userId: input.userId,
      courseSlug: input.courseSlug,
      lessonSlug: input.lessonSlug,
      quizId: input.quiz.id,
      chosen: input.chosen,
      correct,
      createdAt: now,
    });
    const sameQuiz = and(
      eq(quizAttempts.userId, input.userId),
      eq(quizAttempts.courseSlug, input.courseSlug),
      eq(quizAttempts.lessonSlug, input.lessonSlug),
      eq(quizAttempts.quizId, input.quiz.id),
    );
    // The newest kept attempt's id bounds what is dropped; reading one row keeps this cheap.
    const [oldestKept] = await tx
      .select({ id: quizAttempts.id })
      .from(quizAttempts)
      .where(sameQuiz)
      .orderBy(desc(quizAttempts.id))
      .limit(1)
      .offset(MAX_KEPT_ATTEMPTS - 1);
    if (!oldestKept) return;
    const [firstCorrect] = await tx
      .select({ id: quizAttempts.id })
      .from(quizAttempts)
      .where(and(sameQuiz, eq(quizAttempts.correct, true)))
      .orderBy(asc(quizAttempts.id))
      .limit(1);
    await tx
      .delete(quizAttempts)
      .where(
        and(
          sameQuiz,
          lt(quizAttempts.id, oldestKept.id),
          firstCorrect ? ne(quizAttempts.id, firstCorrect.id) : undefined,
        ),
      );
  });
  return { correct };
}

/** Read on every lesson page: prepared once (see preparedRead). */
const attemptsOnLesson = preparedRead((q) =>
  q
    .select({
      id: quizAttempts.id,
      quizId: quizAttempts.quizId,
      chosen: quizAttempts.chosen,
      correct: quizAttempts.correct,
    })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, sql.placeholder('userId')),
        eq(quizAttempts.courseSlug, sql.placeholder('courseSlug')),
        eq(quizAttempts.lessonSlug, sql.placeholder('lessonSlug')),
      ),
    )
    .prepare(),
);

/**
 * The learner's state for every quiz of a lesson they have attempted, keyed by quiz id; quizzes
 * never attempted are absent. Attempts are read in id order (insertion order), which is the true
 * order even when two attempts share a millisecond.
 *
 * @example
 * const states = await getQuizStates(db.read, user.id, courseSlug, lessonSlug);
 * const passed = states.get('why-text')?.passed ?? false;
 */
export async function getQuizStates(
  q: Reader,
  userId: number,
  courseSlug: string,
  lessonSlug: string,
): Promise<Map<string, QuizState>> {
  // Ordered here, not in SQL: see preparedRead. A lesson keeps a few attempts per quiz.
  const rows = (await attemptsOnLesson(q, { userId, courseSlug, lessonSlug })).sort(
    (a, b) => a.id - b.id,
  );
  const states = new Map<string, QuizState>();
  for (const row of rows) {
    const previous = states.get(row.quizId);
    states.set(row.quizId, {
      passed: (previous?.passed ?? false) || row.correct,
      lastChosen: row.chosen,
      lastCorrect: row.correct,
      attempts: (previous?.attempts ?? 0) + 1,
    });
  }
  return states;
}
