import { and, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { preparedRead, type Db, type Query } from '~/lib/db';
import type { Curriculum, LessonSummary } from '~/lib/course/curriculum';
import type { Result } from '~/lib/result';
import { enrollments, lessonProgress, quizAttempts } from '~db/schema';
import { issueCertificateInTransaction, type CertificateRow } from './certificate';
import { getQuizStates } from './quiz';

/** A learner's standing in one course, computed against the current curriculum. */
export interface CourseProgress {
  completed: Set<string>;
  viewed: Set<string>;
  /** 0..100, rounded down so 100 means every lesson is done. */
  percent: number;
  /** The first lesson in reading order not yet completed; null when all are done. */
  nextLesson: LessonSummary | null;
  /** The lesson opened most recently, for "pick up where you left off". */
  lastViewed: LessonSummary | null;
  /** When `lastViewed` was last opened. */
  lastViewedAt: Date | null;
  complete: boolean;
}

/** How long a repeated view of the lesson last opened goes unrecorded (see viewNeedsRecording). */
export const VIEW_RECORD_INTERVAL_MS = 60_000;

/**
 * Whether opening `lessonSlug` now should be written as a view. Not when it is already the lesson
 * last opened and was opened within the last minute (a reload, or the way back from answering a
 * quiz): "continue where you left off" would point at the same lesson either way, so the write
 * would only move a timestamp by seconds, and a learner reading one lesson would otherwise take
 * the database's write lock on every request. Opening any other lesson is always recorded.
 */
export function viewNeedsRecording(
  progress: Pick<CourseProgress, 'lastViewed' | 'lastViewedAt'>,
  lessonSlug: string,
  now: Date = new Date(),
): boolean {
  if (progress.lastViewed?.slug !== lessonSlug || progress.lastViewedAt === null) return true;
  const since = now.getTime() - progress.lastViewedAt.getTime();
  return since < 0 || since >= VIEW_RECORD_INTERVAL_MS;
}

/**
 * Notes that the learner opened a lesson: the first visit sets both times, later visits only
 * move last_viewed. One upsert, so two tabs loading at once cannot collide on the primary key.
 * Every lesson page writes one, so it is committed `relaxed` (no fsync of its own, see
 * Durability): a power cut may lose the last few views, never a completion or an enrollment.
 *
 * @example
 * if (await canTrackProgress(db.read, viewer, courseSlug)) await recordLessonView(db, viewer.id, courseSlug, lessonSlug);
 */
export async function recordLessonView(
  db: Db,
  userId: number,
  courseSlug: string,
  lessonSlug: string,
  now: Date = new Date(),
): Promise<void> {
  await db.write(
    async (tx) => {
      await tx
        .insert(lessonProgress)
        .values({ userId, courseSlug, lessonSlug, firstViewedAt: now, lastViewedAt: now })
        .onConflictDoUpdate({
          target: [lessonProgress.userId, lessonProgress.courseSlug, lessonProgress.lessonSlug],
          set: { lastViewedAt: now },
        });
      await markActive(tx, userId, courseSlug, now);
    },
    { durability: 'relaxed' },
  );
}

/**
 * Moves the enrollment's last activity to `now`, in the transaction that records the view or the
 * completion, so reports count recently active learners from the enrollments instead of scanning
 * every progress row. Staff trying a course have no enrollment and are not counted.
 */
async function markActive(tx: Query, userId: number, courseSlug: string, now: Date) {
  await tx
    .update(enrollments)
    .set({ lastActiveAt: now })
    .where(
      and(
        eq(enrollments.userId, userId),
        eq(enrollments.courseSlug, courseSlug),
        or(isNull(enrollments.lastActiveAt), lt(enrollments.lastActiveAt, now)),
      ),
    );
}

/**
 * Marks a lesson complete. When the lesson requires its quizzes, every one of `quizIds` must have
 * a correct attempt first ('quiz-required'); the check and the write share a transaction so an
 * attempt cannot slip between them. Completing again keeps the first completion time (that is
 * the date worth showing) and reports firstTime false, so callers celebrate only once.
 *
 * @example
 * const r = await completeLesson(db, user.id, courseSlug, { slug, requiresQuiz: lesson.data.requiresQuiz, quizIds: lesson.data.quizzes.map((q) => q.id) });
 * if (!r.ok) return json({ error: r.error }, 409);
 */
export function completeLesson(
  db: Db,
  userId: number,
  courseSlug: string,
  lesson: { slug: string; requiresQuiz: boolean; quizIds: string[] },
  now: Date = new Date(),
  /** When given, a completion that finishes the course issues its certificate in the same transaction. */
  certify?: { displayName: string; lessonSlugs: string[] },
): Promise<Result<{ firstTime: boolean; certificate: CertificateRow | null }, 'quiz-required'>> {
  return db.write(
    async (
      tx,
    ): Promise<
      Result<{ firstTime: boolean; certificate: CertificateRow | null }, 'quiz-required'>
    > => {
      if (lesson.requiresQuiz) {
        const states = await getQuizStates(tx, userId, courseSlug, lesson.slug);
        if (!lesson.quizIds.every((id) => states.get(id)?.passed === true))
          return { ok: false, error: 'quiz-required' };
      }
      // Only a row without a completion time is updated, so of two completions racing on two
      // servers exactly one sees its update return a row and reports firstTime.
      const [changed] = await tx
        .insert(lessonProgress)
        .values({
          userId,
          courseSlug,
          lessonSlug: lesson.slug,
          firstViewedAt: now,
          lastViewedAt: now,
          completedAt: now,
        })
        .onConflictDoUpdate({
          target: [lessonProgress.userId, lessonProgress.courseSlug, lessonProgress.lessonSlug],
          set: { completedAt: now },
          setWhere: isNull(lessonProgress.completedAt),
        })
        .returning({ completedAt: lessonProgress.completedAt });
      await markActive(tx, userId, courseSlug, now);
      const certificate = certify
        ? await issueCertificateInTransaction(tx, { userId, courseSlug, ...certify }, now)
        : null;
      return { ok: true, value: { firstTime: changed !== undefined, certificate } };
    },
  );
}

/**
 * Clears a lesson's completion ("mark as not done") but keeps the view times, so the lesson still
 * counts as visited. Quiz attempts stay: undoing is about the checkmark, not the learning record.
 *
 * @example
 * await undoLessonCompletion(db, user.id, 'texting-for-turnout', 'why-text');
 */
export async function undoLessonCompletion(
  db: Db,
  userId: number,
  courseSlug: string,
  lessonSlug: string,
): Promise<void> {
  await db.write((tx) =>
    tx
      .update(lessonProgress)
      .set({ completedAt: null })
      .where(lessonRow(userId, courseSlug, lessonSlug)),
  );
}

/**
 * Starts a course over for one learner: deletes their lesson progress and quiz attempts in that
 * course, together, so a half-reset (quizzes passed, lessons not) cannot happen. Certificates are
 * left alone: one already issued attests to work done and its public link must keep working.
 *
 * @example
 * await resetCourseProgress(db, user.id, 'texting-for-turnout');
 */
export async function resetCourseProgress(
  db: Db,
  userId: number,
  courseSlug: string,
): Promise<void> {
  await db.write(async (tx) => {
    await tx
      .delete(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseSlug, courseSlug)));
    await tx
      .delete(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseSlug, courseSlug)));
  });
}

/** Read on every lesson and course page: prepared once (see preparedRead). */
const progressRows = preparedRead((q) =>
  q
    .select()
    .from(lessonProgress)
    .where(
      and(
        eq(lessonProgress.userId, sql.placeholder('userId')),
        eq(lessonProgress.courseSlug, sql.placeholder('courseSlug')),
      ),
    )
    .prepare(),
);

/**
 * The learner's progress in a course. Only lessons in `curriculum` count: rows for lessons that
 * were renamed or removed since are ignored, so percent never exceeds 100 and a new lesson makes
 * a finished course unfinished again. A course with no lessons is 0% and not complete.
 *
 * @example
 * const { percent, nextLesson } = await getCourseProgress(db, user.id, curriculum);
 * const resumeHref = nextLesson ? `/courses/${curriculum.slug}/${nextLesson.slug}` : null;
 */
export async function getCourseProgress(
  db: Db,
  userId: number,
  curriculum: Curriculum,
): Promise<CourseProgress> {
  const rows = await progressRows(db.read, { userId, courseSlug: curriculum.slug });
  const bySlug = new Map(rows.map((row) => [row.lessonSlug, row]));

  const completed = new Set<string>();
  const viewed = new Set<string>();
  let nextLesson: LessonSummary | null = null;
  let lastViewed: LessonSummary | null = null;
  let lastViewedAt = -Infinity;
  for (const lesson of curriculum.lessons) {
    const row = bySlug.get(lesson.slug);
    if (row?.completedAt != null) completed.add(lesson.slug);
    else nextLesson ??= lesson;
    if (row === undefined) continue;
    viewed.add(lesson.slug);
    // ">=" so that on a tie the lesson later in reading order wins: it is further along.
    if (row.lastViewedAt.getTime() >= lastViewedAt) {
      lastViewedAt = row.lastViewedAt.getTime();
      lastViewed = lesson;
    }
  }

  const total = curriculum.lessons.length;
  return {
    completed,
    viewed,
    percent: total === 0 ? 0 : Math.floor((completed.size * 100) / total),
    nextLesson,
    lastViewed,
    lastViewedAt: lastViewed ? new Date(lastViewedAt) : null,
    complete: total > 0 && completed.size === total,
  };
}

/** The primary key of one lesson_progress row, as a where clause. */
function lessonRow(userId: number, courseSlug: string, lessonSlug: string): SQL | undefined {
  return and(
    eq(lessonProgress.userId, userId),
    eq(lessonProgress.courseSlug, courseSlug),
    eq(lessonProgress.lessonSlug, lessonSlug),
  );
}
