import { beforeEach, describe, expect, it } from 'vitest';
import { courseReport, stoppedAt, weekStart } from '~/lib/admin/reports';
import type { Db } from '~/lib/db';
import { enroll } from '~/lib/enrollment/enrollment';
import { completeLesson, recordLessonView } from '~/lib/progress/progress';
import { issueCertificateIfComplete } from '~/lib/progress/certificate';
import { recordQuizAttempt } from '~/lib/progress/quiz';
import { botConversations } from '~db/schema';
import { freshDb } from '../fixtures';
import { createUser } from '../progress/fixtures';

const NOW = new Date('2026-11-30T12:00:00Z');
const quiz = {
  id: 'q1',
  question: 'Which word always stops texts?',
  options: ['STOP', 'MAYBE'],
  answer: 0,
  explanation: 'STOP always works.',
};
const course = {
  slug: 'course',
  lessons: [
    { slug: 'one', title: 'One', quizzes: [] },
    { slug: 'two', title: 'Two', quizzes: [{ id: quiz.id, question: quiz.question }] },
    { slug: 'three', title: 'Three', quizzes: [] },
  ],
  botIds: ['rides'],
};

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

describe('the course report', () => {
  it('counts enrollments per week, the drop-off funnel, completion, missed questions and where chats stop', async () => {
    const people: number[] = [];
    for (let i = 0; i < 4; i++) people.push((await createUser(db)).id);
    for (const [i, id] of people.entries())
      await enroll(
        db,
        { userId: id, courseSlug: 'course', source: 'free' },
        new Date(NOW.getTime() - i * 7 * 86_400_000),
      );
    // Everyone opens lesson one, three open two, one finishes the course.
    for (const id of people) await recordLessonView(db, id, 'course', 'one', NOW);
    for (const id of people.slice(0, 3)) await recordLessonView(db, id, 'course', 'two', NOW);
    for (const slug of ['one', 'two', 'three'])
      await completeLesson(
        db,
        people[0]!,
        'course',
        { slug, requiresQuiz: false, quizIds: [] },
        NOW,
      );
    await issueCertificateIfComplete(
      db,
      {
        userId: people[0]!,
        courseSlug: 'course',
        displayName: 'A',
        lessonSlugs: ['one', 'two', 'three'],
      },
      NOW,
    );
    await recordQuizAttempt(
      db,
      { userId: people[1]!, courseSlug: 'course', lessonSlug: 'two', quiz, chosen: 1 },
      NOW,
    );
    await recordQuizAttempt(
      db,
      { userId: people[1]!, courseSlug: 'course', lessonSlug: 'two', quiz, chosen: 0 },
      NOW,
    );
    await db.write((tx) =>
      tx.insert(botConversations).values([
        {
          userId: people[0]!,
          botId: 'rides',
          state: JSON.stringify({
            state: {
              v: 1,
              waiting: 'ask-zip',
              optedOut: false,
              vars: { note: '"waiting":"fake"' },
            },
            transcript: [],
          }),
          updatedAt: NOW,
        },
        {
          userId: people[1]!,
          botId: 'rides',
          state: JSON.stringify({
            state: { v: 1, waiting: 'ask-zip', optedOut: false, vars: {} },
            transcript: [],
          }),
          updatedAt: NOW,
        },
        {
          userId: people[2]!,
          botId: 'rides',
          state: JSON.stringify({
            state: { v: 1, waiting: null, optedOut: true, vars: {} },
            transcript: [],
          }),
          updatedAt: NOW,
        },
        {
          userId: people[3]!,
          botId: 'other',
          state: JSON.stringify({ state: { v: 1, waiting: 'x' } }),
          updatedAt: NOW,
        },
      ]),
    );

    const report = await courseReport(db.read, course, NOW);
    expect(report).toMatchObject({
      enrolledActive: 4,
      activeLast30Days: 4,
      completed: 1,
      completionRate: 0.25,
    });
    expect(report.weeks).toHaveLength(12);
    expect(report.weeks.slice(-4).map((w) => w.enrollments)).toEqual([1, 1, 1, 1]);
    expect(report.weeks.at(-1)?.week).toBe('2026-11-30');
    expect(report.funnel.map((f) => [f.lessonSlug, f.viewed, f.completed])).toEqual([
      ['one', 4, 1],
      ['two', 3, 1],
      ['three', 1, 1],
    ]);
    expect(report.missed).toEqual([
      { lessonSlug: 'two', quizId: 'q1', question: quiz.question, attempts: 2, wrong: 1 },
    ]);
    expect(report.botStops).toEqual([
      { botId: 'rides', step: 'ask-zip', conversations: 2 },
      { botId: 'rides', step: '(opted out)', conversations: 1 },
    ]);
  });

  it('reads where a chat stopped from the start of its JSON only', () => {
    expect(stoppedAt('{"state":{"v":1,"waiting":"ask-\\"zip\\"","optedOut":false')).toBe(
      'ask-"zip"',
    );
    expect(stoppedAt('{"state":{"v":1,"waiting":null,"optedOut":false')).toBe('(ended)');
    expect(stoppedAt('garbage')).toBe('(unreadable)');
    expect(weekStart(new Date('2026-12-06T23:00:00Z')).toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
  });
});
