import { describe, expect, it } from 'vitest';
import { buildCurriculum } from '~/lib/course/curriculum';
import {
  completeLesson,
  getCourseProgress,
  recordLessonView,
  resetCourseProgress,
  undoLessonCompletion,
} from '~/lib/progress/progress';
import { getQuizStates, recordQuizAttempt } from '~/lib/progress/quiz';
import { issueCertificateIfComplete, getCertificateFor } from '~/lib/progress/certificate';
import { lessonProgress } from '~db/schema';
import { freshDb } from '../fixtures';
import {
  COURSE_SLUG,
  OTHER_COURSE_SLUG,
  completionInput,
  createUser,
  lessonOf,
  quiz,
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

function passBothQuizzes(db: ReturnType<typeof freshDb>, userId: number): void {
  for (const q of quizTime.data.quizzes) {
    recordQuizAttempt(db, { userId, courseSlug: COURSE_SLUG, lessonSlug: quizTime.slug, quiz: q, chosen: q.answer });
  }
}

describe('the three-lesson course fixture', () => {
  it('is in reading order', () => {
    expect(curriculum.lessons.map((l) => l.slug)).toEqual(['intro', 'setup', 'quiz-time']);
  });
});

describe('recordLessonView', () => {
  it('sets both view times on the first visit and only last_viewed afterwards', () => {
    const db = freshDb();
    const user = createUser(db);
    recordLessonView(db, user.id, COURSE_SLUG, 'intro', T0);
    recordLessonView(db, user.id, COURSE_SLUG, 'intro', T1);
    const rows = db.select().from(lessonProgress).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstViewedAt: T0, lastViewedAt: T1, completedAt: null });
  });
});

describe('getCourseProgress', () => {
  it('starts at 0% with the first lesson next and nothing viewed', () => {
    const db = freshDb();
    const user = createUser(db);
    const p = getCourseProgress(db, user.id, curriculum);
    expect(p).toMatchObject({ percent: 0, complete: false, lastViewed: null });
    expect(p.nextLesson?.slug).toBe('intro');
    expect(p.completed.size).toBe(0);
    expect(p.viewed.size).toBe(0);
  });

  it('rounds the percentage down and points at the first unfinished lesson in order', () => {
    const db = freshDb();
    const user = createUser(db);
    completeLesson(db, user.id, COURSE_SLUG, completionInput(setup), T0);
    let p = getCourseProgress(db, user.id, curriculum);
    expect(p.percent).toBe(33);
    expect(p.nextLesson?.slug).toBe('intro');

    completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T1);
    p = getCourseProgress(db, user.id, curriculum);
    expect(p.percent).toBe(66);
    expect(p.nextLesson?.slug).toBe('quiz-time');
    expect([...p.completed].sort()).toEqual(['intro', 'setup']);

    passBothQuizzes(db, user.id);
    completeLesson(db, user.id, COURSE_SLUG, completionInput(quizTime), T2);
    p = getCourseProgress(db, user.id, curriculum);
    expect(p).toMatchObject({ percent: 100, complete: true, nextLesson: null });
  });

  it('reports the most recently viewed lesson', () => {
    const db = freshDb();
    const user = createUser(db);
    recordLessonView(db, user.id, COURSE_SLUG, 'setup', T0);
    recordLessonView(db, user.id, COURSE_SLUG, 'intro', T1);
    expect(getCourseProgress(db, user.id, curriculum).lastViewed?.slug).toBe('intro');
    recordLessonView(db, user.id, COURSE_SLUG, 'setup', T2);
    const p = getCourseProgress(db, user.id, curriculum);
    expect(p.lastViewed?.slug).toBe('setup');
    expect([...p.viewed].sort()).toEqual(['intro', 'setup']);
    expect(p.completed.size).toBe(0);
  });

  it('ignores rows for lessons no longer in the curriculum', () => {
    const db = freshDb();
    const user = createUser(db);
    completeLesson(db, user.id, COURSE_SLUG, { slug: 'removed-lesson', requiresQuiz: false, quizIds: [] }, T0);
    recordLessonView(db, user.id, COURSE_SLUG, 'removed-lesson', T2);
    completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T1);
    const p = getCourseProgress(db, user.id, curriculum);
    expect([...p.completed]).toEqual(['intro']);
    expect(p.percent).toBe(33);
    expect(p.lastViewed?.slug).toBe('intro');
  });

  it('is 0% and not complete for a course with no lessons', () => {
    const db = freshDb();
    const user = createUser(db);
    const empty = buildCurriculum('empty', threeLessonCourse, [], false);
    expect(getCourseProgress(db, user.id, empty)).toMatchObject({ percent: 0, complete: false, nextLesson: null, lastViewed: null });
  });
});

describe('completeLesson', () => {
  it('reports firstTime once and keeps the first completion time', () => {
    const db = freshDb();
    const user = createUser(db);
    recordLessonView(db, user.id, COURSE_SLUG, 'intro', T0);
    expect(completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T1)).toEqual({ ok: true, value: { firstTime: true } });
    expect(completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T2)).toEqual({ ok: true, value: { firstTime: false } });
    const row = db.select().from(lessonProgress).get();
    expect(row).toMatchObject({ firstViewedAt: T0, completedAt: T1 });
  });

  it('refuses a quiz-gated lesson until every quiz is passed', () => {
    const db = freshDb();
    const user = createUser(db);
    const input = completionInput(quizTime);
    expect(completeLesson(db, user.id, COURSE_SLUG, input)).toEqual({ ok: false, error: 'quiz-required' });

    const [q1, q2] = quizTime.data.quizzes;
    if (q1 === undefined || q2 === undefined) throw new Error('fixture needs two quizzes');
    recordQuizAttempt(db, { userId: user.id, courseSlug: COURSE_SLUG, lessonSlug: quizTime.slug, quiz: q1, chosen: q1.answer });
    recordQuizAttempt(db, { userId: user.id, courseSlug: COURSE_SLUG, lessonSlug: quizTime.slug, quiz: q2, chosen: 0 });
    expect(completeLesson(db, user.id, COURSE_SLUG, input)).toEqual({ ok: false, error: 'quiz-required' });
    expect(getCourseProgress(db, user.id, curriculum).completed.has('quiz-time')).toBe(false);

    recordQuizAttempt(db, { userId: user.id, courseSlug: COURSE_SLUG, lessonSlug: quizTime.slug, quiz: q2, chosen: q2.answer });
    expect(completeLesson(db, user.id, COURSE_SLUG, input)).toEqual({ ok: true, value: { firstTime: true } });
  });

  it('does not count a quiz passed in another course or lesson', () => {
    const db = freshDb();
    const user = createUser(db);
    for (const q of quizTime.data.quizzes) {
      recordQuizAttempt(db, { userId: user.id, courseSlug: OTHER_COURSE_SLUG, lessonSlug: quizTime.slug, quiz: q, chosen: q.answer });
      recordQuizAttempt(db, { userId: user.id, courseSlug: COURSE_SLUG, lessonSlug: 'setup', quiz: q, chosen: q.answer });
    }
    expect(completeLesson(db, user.id, COURSE_SLUG, completionInput(quizTime))).toEqual({ ok: false, error: 'quiz-required' });
  });

  it('allows a lesson with quizzes that does not require them', () => {
    const db = freshDb();
    const user = createUser(db);
    const r = completeLesson(db, user.id, COURSE_SLUG, { slug: 'optional', requiresQuiz: false, quizIds: [quiz('x').id] });
    expect(r.ok).toBe(true);
  });
});

describe('undoLessonCompletion', () => {
  it('clears the completion but keeps the lesson as viewed', () => {
    const db = freshDb();
    const user = createUser(db);
    completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T0);
    undoLessonCompletion(db, user.id, COURSE_SLUG, 'intro');
    const p = getCourseProgress(db, user.id, curriculum);
    expect(p.completed.has('intro')).toBe(false);
    expect(p.viewed.has('intro')).toBe(true);
    expect(p.nextLesson?.slug).toBe('intro');
    expect(completeLesson(db, user.id, COURSE_SLUG, completionInput(intro), T1)).toEqual({ ok: true, value: { firstTime: true } });
  });
});

describe('resetCourseProgress', () => {
  it('deletes progress and quiz attempts for that course but keeps the certificate', () => {
    const db = freshDb();
    const user = createUser(db);
    completeLesson(db, user.id, COURSE_SLUG, completionInput(intro));
    completeLesson(db, user.id, COURSE_SLUG, completionInput(setup));
    passBothQuizzes(db, user.id);
    completeLesson(db, user.id, COURSE_SLUG, completionInput(quizTime));
    const cert = issueCertificateIfComplete(db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      displayName: user.displayName,
      lessonSlugs: curriculum.lessons.map((l) => l.slug),
    });
    expect(cert).not.toBeNull();
    completeLesson(db, user.id, OTHER_COURSE_SLUG, { slug: 'elsewhere', requiresQuiz: false, quizIds: [] });

    resetCourseProgress(db, user.id, COURSE_SLUG);

    const p = getCourseProgress(db, user.id, curriculum);
    expect(p).toMatchObject({ percent: 0, complete: false, lastViewed: null });
    expect(p.viewed.size).toBe(0);
    expect(getQuizStates(db, user.id, COURSE_SLUG, quizTime.slug).size).toBe(0);
    expect(getCertificateFor(db, user.id, COURSE_SLUG)).toEqual(cert);
    // Progress in the learner's other course survives.
    expect(db.select().from(lessonProgress).all().map((r) => r.courseSlug)).toEqual([OTHER_COURSE_SLUG]);
  });
});

describe("another user's progress", () => {
  it('is untouched by views, completions, undo and reset for user A', () => {
    const db = freshDb();
    const a = createUser(db);
    const b = createUser(db);
    recordLessonView(db, b.id, COURSE_SLUG, 'intro', T0);
    completeLesson(db, b.id, COURSE_SLUG, completionInput(intro), T0);
    completeLesson(db, b.id, COURSE_SLUG, completionInput(setup), T0);
    recordQuizAttempt(db, { userId: b.id, courseSlug: COURSE_SLUG, lessonSlug: quizTime.slug, quiz: quiz('q-one'), chosen: 1 });
    const before = getCourseProgress(db, b.id, curriculum);

    recordLessonView(db, a.id, COURSE_SLUG, 'setup', T2);
    completeLesson(db, a.id, COURSE_SLUG, completionInput(intro), T1);
    undoLessonCompletion(db, a.id, COURSE_SLUG, 'intro');
    passBothQuizzes(db, a.id);
    resetCourseProgress(db, a.id, COURSE_SLUG);

    expect(getCourseProgress(db, b.id, curriculum)).toEqual(before);
    expect(getQuizStates(db, b.id, COURSE_SLUG, quizTime.slug).get('q-one')).toMatchObject({ passed: true, attempts: 1 });
  });
});
