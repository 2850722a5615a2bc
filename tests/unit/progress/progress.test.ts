import { describe, expect, it } from 'vitest';
import { buildCurriculum } from '~/lib/course/curriculum';
import {
  completeLesson,
  getCourseProgress,
  recordLessonView,
  resetCourseProgress,
  undoLessonCompletion,
  viewNeedsRecording,
} from '~/lib/progress/progress';
import { getQuizStates, recordQuizAttempt } from '~/lib/progress/quiz';
import { issueCertificateIfComplete, getCertificateFor } from '~/lib/progress/certificate';
import { lessonProgress } from '~db/schema';
import type { Db } from '~/lib/db';
import { enroll, getEnrollment } from '~/lib/enrollment/enrollment';
import { freshDb } from '../fixtures';
import {
  COURSE_SLUG,
  OTHER_COURSE_SLUG,
  completionInput,
  createUser,
  lessonOf,
  quiz,
  race,
  threeLessonCourse,
  threeLessonCurriculum,
} from './fixtures';

const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-01T11:00:00Z');
const T2 = new Date('2026-03-01T12:00:00Z');

const curriculum = threeLessonCurriculum();
const intro = lessonOf(curriculum, 'intro');
const setup = lessonOf(curriculum, 'setup');
const quizTime = lessonOf(curriculum, 'quiz-time');

async function passBothQuizzes(db: Db, userId: number): Promise<void> {
  for (const q of quizTime.data.quizzes) {
    await recordQuizAttempt(db, {
      userId,
      courseSlug: COURSE_SLUG,
      lessonSlug: quizTime.slug,
      quiz: q,
      chosen: q.answer,
    });
  }
}

describe('the three-lesson course fixture', () => {
  it('is in reading order', () => {
    expect(curriculum.lessons.map((l) => l.slug)).toEqual(['intro', 'setup', 'quiz-time']);
  });
});

describe('viewNeedsRecording', () => {
  const seconds = (n: number) => new Date(T0.getTime() + n * 1000);

  it('skips only a reload, within a minute, of the lesson last opened', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    expect(viewNeedsRecording(await getCourseProgress(db, user.id, curriculum), 'intro', T0)).toBe(
      true,
    );
    await recordLessonView(db, user.id, COURSE_SLUG, 'intro', T0);
    await recordLessonView(db, user.id, COURSE_SLUG, 'setup', seconds(10));
    const progress = await getCourseProgress(db, user.id, curriculum);
    expect(progress.lastViewed?.slug).toBe('setup');
    expect(progress.lastViewedAt).toEqual(seconds(10));
    expect(viewNeedsRecording(progress, 'setup', seconds(40))).toBe(false);
    expect(viewNeedsRecording(progress, 'setup', seconds(70))).toBe(true);
    // Going back to an earlier lesson moves "continue where you left off", so it is written at once.
    expect(viewNeedsRecording(progress, 'intro', seconds(20))).toBe(true);
    // A clock that went backwards (another server's) never stops views from being written.
    expect(viewNeedsRecording(progress, 'setup', seconds(5))).toBe(true);
  });

  it('leaves "continue where you left off" where recording every view would put it', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const open = async (slug: string, at: Date) => {
      if (viewNeedsRecording(await getCourseProgress(db, user.id, curriculum), slug, at))
        await recordLessonView(db, user.id, COURSE_SLUG, slug, at);
    };
    for (const [slug, at] of [
      ['intro', 0],
      ['setup', 5],
      ['setup', 6],
      ['intro', 8],
      ['setup', 9],
      ['setup', 30],
    ] as const)
      await open(slug, seconds(at));
    expect((await getCourseProgress(db, user.id, curriculum)).lastViewed?.slug).toBe('setup');
    await open('intro', seconds(31));
    expect((await getCourseProgress(db, user.id, curriculum)).lastViewed?.slug).toBe('intro');
  });
});

describe('recordLessonView', () => {
  it('sets both view times on the first visit and only last_viewed afterwards', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await recordLessonView(db, user.id, COURSE_SLUG, 'intro', T0);
    await recordLessonView(db, user.id, COURSE_SLUG, 'intro', T1);
    const rows = await db.read.select().from(lessonProgress);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstViewedAt: T0, lastViewedAt: T1, completedAt: null });
  });

  it('makes one row when two tabs open the same lesson at once', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await race(
      db,
      [T0, T0].map((now) => () => recordLessonView(db, user.id, COURSE_SLUG, 'intro', now)),
    );
    const rows = await db.read.select().from(lessonProgress);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstViewedAt: T0, lastViewedAt: T0, completedAt: null });
  });
});

describe('getCourseProgress', () => {
  it('starts at 0% with the first lesson next and nothing viewed', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const p = await getCourseProgress(db, user.id, curriculum);
    expect(p).toMatchObject({ percent: 0, complete: false, lastViewed: null });
    expect(p.nextLesson?.slug).toBe('intro');
    expect(p.completed.size).toBe(0);
    expect(p.viewed.size).toBe(0);
  });

  it('rounds the percentage down and points at the first unfinished lesson in order', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await completeLesson(db, user.id, COURSE_SLUG, completionInput(setup), T0);
    let p = await getCourseProgress(db, user.id, curriculum);
    expect(p.percent).toBe(33);
    expect(p.nextLesson?.slug).toBe('intro');

    await completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T1);
    p = await getCourseProgress(db, user.id, curriculum);
    expect(p.percent).toBe(66);
    expect(p.nextLesson?.slug).toBe('quiz-time');
    expect([...p.completed].sort()).toEqual(['intro', 'setup']);

    await passBothQuizzes(db, user.id);
    await completeLesson(db, user.id, COURSE_SLUG, completionInput(quizTime), T2);
    p = await getCourseProgress(db, user.id, curriculum);
    expect(p).toMatchObject({ percent: 100, complete: true, nextLesson: null });
  });

  it('reports the most recently viewed lesson', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await recordLessonView(db, user.id, COURSE_SLUG, 'setup', T0);
    await recordLessonView(db, user.id, COURSE_SLUG, 'intro', T1);
    expect((await getCourseProgress(db, user.id, curriculum)).lastViewed?.slug).toBe('intro');
    await recordLessonView(db, user.id, COURSE_SLUG, 'setup', T2);
    const p = await getCourseProgress(db, user.id, curriculum);
    expect(p.lastViewed?.slug).toBe('setup');
    expect([...p.viewed].sort()).toEqual(['intro', 'setup']);
    expect(p.completed.size).toBe(0);
  });

  it('ignores rows for lessons no longer in the curriculum', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await completeLesson(
      db,
      user.id,
      COURSE_SLUG,
      { slug: 'removed-lesson', requiresQuiz: false, quizIds: [] },
      T0,
    );
    await recordLessonView(db, user.id, COURSE_SLUG, 'removed-lesson', T2);
    await completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T1);
    const p = await getCourseProgress(db, user.id, curriculum);
    expect([...p.completed]).toEqual(['intro']);
    expect(p.percent).toBe(33);
    expect(p.lastViewed?.slug).toBe('intro');
  });

  it('is 0% and not complete for a course with no lessons', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const empty = buildCurriculum('empty', threeLessonCourse, [], false);
    expect(await getCourseProgress(db, user.id, empty)).toMatchObject({
      percent: 0,
      complete: false,
      nextLesson: null,
      lastViewed: null,
    });
  });
});

describe('completeLesson', () => {
  it('reports firstTime once and keeps the first completion time', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await recordLessonView(db, user.id, COURSE_SLUG, 'intro', T0);
    expect(await completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T1)).toEqual({
      ok: true,
      value: { firstTime: true, certificate: null },
    });
    expect(await completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T2)).toEqual({
      ok: true,
      value: { firstTime: false, certificate: null },
    });
    const [row] = await db.read.select().from(lessonProgress).limit(1);
    expect(row).toMatchObject({ firstViewedAt: T0, completedAt: T1 });
  });

  it('reports firstTime exactly once when two completions race', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    // Once with no row yet (both insert) and once on a viewed row (both update).
    for (const slug of ['never-viewed', 'viewed']) {
      if (slug === 'viewed') await recordLessonView(db, user.id, COURSE_SLUG, slug, T0);
      const input = { slug, requiresQuiz: false, quizIds: [] };
      const results = await race(
        db,
        [T1, T2].map((now) => () => completeLesson(db, user.id, COURSE_SLUG, input, now)),
      );
      const firstTimes = results.map((r) => (r.ok ? r.value.firstTime : null));
      expect(firstTimes.filter((f) => f === true)).toHaveLength(1);
      expect(firstTimes.filter((f) => f === false)).toHaveLength(1);
    }
    const rows = await db.read.select().from(lessonProgress);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.completedAt).not.toBeNull();
  });

  it('refuses a quiz-gated lesson until every quiz is passed', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const input = completionInput(quizTime);
    expect(await completeLesson(db, user.id, COURSE_SLUG, input)).toEqual({
      ok: false,
      error: 'quiz-required',
    });

    const [q1, q2] = quizTime.data.quizzes;
    if (q1 === undefined || q2 === undefined) throw new Error('fixture needs two quizzes');
    await recordQuizAttempt(db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      lessonSlug: quizTime.slug,
      quiz: q1,
      chosen: q1.answer,
    });
    await recordQuizAttempt(db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      lessonSlug: quizTime.slug,
      quiz: q2,
      chosen: 0,
    });
    expect(await completeLesson(db, user.id, COURSE_SLUG, input)).toEqual({
      ok: false,
      error: 'quiz-required',
    });
    expect((await getCourseProgress(db, user.id, curriculum)).completed.has('quiz-time')).toBe(
      false,
    );

    await recordQuizAttempt(db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      lessonSlug: quizTime.slug,
      quiz: q2,
      chosen: q2.answer,
    });
    expect(await completeLesson(db, user.id, COURSE_SLUG, input)).toEqual({
      ok: true,
      value: { firstTime: true, certificate: null },
    });
  });

  it('does not count a quiz passed in another course or lesson', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    for (const q of quizTime.data.quizzes) {
      await recordQuizAttempt(db, {
        userId: user.id,
        courseSlug: OTHER_COURSE_SLUG,
        lessonSlug: quizTime.slug,
        quiz: q,
        chosen: q.answer,
      });
      await recordQuizAttempt(db, {
        userId: user.id,
        courseSlug: COURSE_SLUG,
        lessonSlug: 'setup',
        quiz: q,
        chosen: q.answer,
      });
    }
    expect(await completeLesson(db, user.id, COURSE_SLUG, completionInput(quizTime))).toEqual({
      ok: false,
      error: 'quiz-required',
    });
  });

  it('allows a lesson with quizzes that does not require them', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const r = await completeLesson(db, user.id, COURSE_SLUG, {
      slug: 'optional',
      requiresQuiz: false,
      quizIds: [quiz('x').id],
    });
    expect(r.ok).toBe(true);
  });
});

describe('undoLessonCompletion', () => {
  it('clears the completion but keeps the lesson as viewed', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T0);
    await undoLessonCompletion(db, user.id, COURSE_SLUG, 'intro');
    const p = await getCourseProgress(db, user.id, curriculum);
    expect(p.completed.has('intro')).toBe(false);
    expect(p.viewed.has('intro')).toBe(true);
    expect(p.nextLesson?.slug).toBe('intro');
    expect(await completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T1)).toEqual({
      ok: true,
      value: { firstTime: true, certificate: null },
    });
  });
});

describe('resetCourseProgress', () => {
  it('deletes progress and quiz attempts for that course but keeps the certificate', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await completeLesson(db, user.id, COURSE_SLUG, completionInput(intro));
    await completeLesson(db, user.id, COURSE_SLUG, completionInput(setup));
    await passBothQuizzes(db, user.id);
    await completeLesson(db, user.id, COURSE_SLUG, completionInput(quizTime));
    const cert = await issueCertificateIfComplete(db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      displayName: user.displayName,
      lessonSlugs: curriculum.lessons.map((l) => l.slug),
    });
    expect(cert).not.toBeNull();
    await completeLesson(db, user.id, OTHER_COURSE_SLUG, {
      slug: 'elsewhere',
      requiresQuiz: false,
      quizIds: [],
    });

    await resetCourseProgress(db, user.id, COURSE_SLUG);

    const p = await getCourseProgress(db, user.id, curriculum);
    expect(p).toMatchObject({ percent: 0, complete: false, lastViewed: null });
    expect(p.viewed.size).toBe(0);
    expect((await getQuizStates(db.read, user.id, COURSE_SLUG, quizTime.slug)).size).toBe(0);
    expect(await getCertificateFor(db.read, user.id, COURSE_SLUG)).toEqual(cert);
    // Progress in the learner's other course survives.
    expect((await db.read.select().from(lessonProgress)).map((r) => r.courseSlug)).toEqual([
      OTHER_COURSE_SLUG,
    ]);
  });
});

describe("another user's progress", () => {
  it('is untouched by views, completions, undo and reset for user A', async () => {
    const db = await freshDb();
    const a = await createUser(db);
    const b = await createUser(db);
    await recordLessonView(db, b.id, COURSE_SLUG, 'intro', T0);
    await completeLesson(db, b.id, COURSE_SLUG, completionInput(intro), T0);
    await completeLesson(db, b.id, COURSE_SLUG, completionInput(setup), T0);
    await recordQuizAttempt(db, {
      userId: b.id,
      courseSlug: COURSE_SLUG,
      lessonSlug: quizTime.slug,
      quiz: quiz('q-one'),
      chosen: 1,
    });
    const before = await getCourseProgress(db, b.id, curriculum);

    await recordLessonView(db, a.id, COURSE_SLUG, 'setup', T2);
    await completeLesson(db, a.id, COURSE_SLUG, completionInput(intro), T1);
    await undoLessonCompletion(db, a.id, COURSE_SLUG, 'intro');
    await passBothQuizzes(db, a.id);
    await resetCourseProgress(db, a.id, COURSE_SLUG);

    expect(await getCourseProgress(db, b.id, curriculum)).toEqual(before);
    expect(
      (await getQuizStates(db.read, b.id, COURSE_SLUG, quizTime.slug)).get('q-one'),
    ).toMatchObject({ passed: true, attempts: 1 });
  });
});

describe('the enrollment’s last activity', () => {
  const lastActive = async (db: Db, userId: number, courseSlug = COURSE_SLUG) =>
    (await getEnrollment(db.read, userId, courseSlug))?.lastActiveAt ?? null;

  it('follows the latest view or completion in that course, never moving back', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    for (const courseSlug of [COURSE_SLUG, OTHER_COURSE_SLUG])
      await enroll(db, { userId: user.id, courseSlug, source: 'free' });
    expect(await lastActive(db, user.id)).toBeNull();

    await recordLessonView(db, user.id, COURSE_SLUG, 'intro', T1);
    expect(await lastActive(db, user.id)).toEqual(T1);
    // A view stamped earlier (a slow request finishing late) does not move it back.
    await recordLessonView(db, user.id, COURSE_SLUG, 'setup', T0);
    expect(await lastActive(db, user.id)).toEqual(T1);
    await completeLesson(db, user.id, COURSE_SLUG, completionInput(setup), T2);
    expect(await lastActive(db, user.id)).toEqual(T2);
    expect(await lastActive(db, user.id, OTHER_COURSE_SLUG)).toBeNull();
  });

  it('is not written for someone without an enrollment (staff trying the course)', async () => {
    const db = await freshDb();
    const staff = await createUser(db);
    await recordLessonView(db, staff.id, COURSE_SLUG, 'intro', T1);
    expect(await getEnrollment(db.read, staff.id, COURSE_SLUG)).toBeNull();
  });
});
