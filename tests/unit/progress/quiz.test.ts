import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import {
  getQuizStates,
  gradeQuiz,
  isValidChoice,
  MAX_KEPT_ATTEMPTS,
  recordQuizAttempt,
} from '~/lib/progress/quiz';
import { quizAttempts } from '~db/schema';
import { freshDb } from '../fixtures';
import { COURSE_SLUG, createUser, quiz } from './fixtures';

const q = quiz('q-one');

describe('gradeQuiz', () => {
  it('marks the right option correct and reports it', () => {
    expect(gradeQuiz(q, 1)).toEqual({ correct: true, correctIndex: 1 });
    expect(gradeQuiz(q, 0)).toEqual({ correct: false, correctIndex: 1 });
  });

  it('treats out-of-range and non-integer choices as wrong rather than throwing', () => {
    for (const chosen of [-1, 2, 99, 1.5, Number.NaN]) {
      expect(gradeQuiz(q, chosen)).toEqual({ correct: false, correctIndex: 1 });
    }
  });
});

describe('isValidChoice', () => {
  it('accepts only the index of an option', () => {
    expect(isValidChoice(q, 0)).toBe(true);
    expect(isValidChoice(q, 1)).toBe(true);
    for (const chosen of [-1, 2, 0.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(isValidChoice(q, chosen)).toBe(false);
  });
});

describe('recordQuizAttempt and getQuizStates', () => {
  it('stores every attempt and summarizes them per quiz', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const base = { userId: user.id, courseSlug: COURSE_SLUG, lessonSlug: 'quiz-time' };
    const at = new Date('2026-03-01T10:00:00Z');
    expect(await recordQuizAttempt(db, { ...base, quiz: q, chosen: 0 }, at)).toEqual({
      correct: false,
    });
    expect(await recordQuizAttempt(db, { ...base, quiz: q, chosen: 1 }, at)).toEqual({
      correct: true,
    });
    expect(await recordQuizAttempt(db, { ...base, quiz: q, chosen: 0 }, at)).toEqual({
      correct: false,
    });
    await recordQuizAttempt(db, { ...base, quiz: quiz('q-two'), chosen: 0 }, at);

    expect(await db.read.select().from(quizAttempts)).toHaveLength(4);
    const states = await getQuizStates(db.read, user.id, COURSE_SLUG, 'quiz-time');
    // Passed stays true after a later wrong answer; "last" follows insertion order even at one timestamp.
    expect(states.get('q-one')).toEqual({
      passed: true,
      lastChosen: 0,
      lastCorrect: false,
      attempts: 3,
    });
    expect(states.get('q-two')).toEqual({
      passed: false,
      lastChosen: 0,
      lastCorrect: false,
      attempts: 1,
    });
    expect(states.has('never-tried')).toBe(false);
  });

  it('keeps a bounded number of attempts per learner and quiz without forgetting a pass', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const other = await createUser(db);
    const base = { courseSlug: COURSE_SLUG, lessonSlug: 'quiz-time', quiz: q };
    await recordQuizAttempt(db, { ...base, userId: user.id, chosen: 0 });
    await recordQuizAttempt(db, { ...base, userId: user.id, chosen: 1 }); // the pass, second of many
    await recordQuizAttempt(db, { ...base, userId: other.id, chosen: 0 });
    for (let i = 0; i < MAX_KEPT_ATTEMPTS * 3; i++)
      await recordQuizAttempt(db, { ...base, userId: user.id, chosen: 0 });

    const kept = await db.read
      .select()
      .from(quizAttempts)
      .where(eq(quizAttempts.userId, user.id))
      .orderBy(asc(quizAttempts.id));
    // The newest MAX_KEPT_ATTEMPTS plus the first correct answer; the first wrong one is gone.
    expect(kept).toHaveLength(MAX_KEPT_ATTEMPTS + 1);
    expect(kept[0]?.correct).toBe(true);
    expect(kept.slice(1).every((row) => !row.correct)).toBe(true);
    expect(
      (await getQuizStates(db.read, user.id, COURSE_SLUG, 'quiz-time')).get('q-one'),
    ).toMatchObject({ passed: true, lastChosen: 0, lastCorrect: false });
    // Another learner's attempts are untouched.
    expect(
      await db.read.select().from(quizAttempts).where(eq(quizAttempts.userId, other.id)),
    ).toHaveLength(1);
  });

  it('keeps states per user and per lesson', async () => {
    const db = await freshDb();
    const a = await createUser(db);
    const b = await createUser(db);
    await recordQuizAttempt(db, {
      userId: a.id,
      courseSlug: COURSE_SLUG,
      lessonSlug: 'quiz-time',
      quiz: q,
      chosen: 1,
    });
    expect((await getQuizStates(db.read, b.id, COURSE_SLUG, 'quiz-time')).size).toBe(0);
    expect((await getQuizStates(db.read, a.id, COURSE_SLUG, 'setup')).size).toBe(0);
  });

  it('refuses to store an invalid choice', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await expect(
      recordQuizAttempt(db, {
        userId: user.id,
        courseSlug: COURSE_SLUG,
        lessonSlug: 'quiz-time',
        quiz: q,
        chosen: 5,
      }),
    ).rejects.toThrow(RangeError);
    expect(await db.read.select().from(quizAttempts)).toHaveLength(0);
  });
});
