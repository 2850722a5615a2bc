import { describe, expect, it } from 'vitest';
import { checkLessonBody } from '~/lib/content/lesson-body';
import { daysSinceReview, dueByQuery, isOverdue, REVIEW_MAX_AGE_DAYS, reviewDueOn, reviewSchedule, type ReviewedLesson } from '~/lib/content/review';
import type { Lesson } from '~/lib/content/schemas';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const lesson = (title: string, reviewed: string, extra: Partial<ReviewedLesson> = {}): ReviewedLesson => ({
  courseTitle: 'Chatbots for organizing', title, locale: 'en', href: `/courses/c/lessons/${title}`, reviewed: day(reviewed), sourceCount: 3, ...extra,
});

describe('the 12-month rule', () => {
  it('counts whole days and turns overdue after 365 of them', () => {
    expect(REVIEW_MAX_AGE_DAYS).toBe(365);
    expect(daysSinceReview(day('2025-11-30'), day('2026-11-30'))).toBe(365);
    expect(isOverdue(day('2025-11-30'), new Date('2026-11-30T23:59:00Z'))).toBe(false);
    expect(isOverdue(day('2025-11-30'), day('2026-12-01'))).toBe(true);
    expect(reviewDueOn(day('2025-11-30'))).toEqual(day('2026-12-01'));
  });

  it('is the rule the content check warns with', () => {
    const file = { file: 'x.mdx', course: 'c', body: '', bodyLine: 1, source: { locate: () => ({ line: 3, column: 1 }) } };
    const data = { reviewed: day('2025-11-30'), sources: [], quizzes: [], requiresQuiz: false } as unknown as Lesson;
    const known = { botKinds: new Map(), lessonIds: new Set<string>(), courseSlugs: new Set<string>(), instructorIds: new Set<string>() };
    expect(checkLessonBody({ ...file, data }, known, day('2026-11-30'))).toEqual([]);
    expect(checkLessonBody({ ...file, data }, known, day('2026-12-01')).map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'due for review: last reviewed 366 days ago (check its rules against the sources again, then update reviewed:)'],
    ]);
  });
});

describe('reviewSchedule', () => {
  const lessons = [
    lesson('fresh', '2026-11-30'),
    lesson('soon', '2025-12-20', { locale: 'es', href: '/es/courses/c/lessons/soon' }),
    lesson('overdue', '2025-06-01', { sourceCount: 1 }),
    lesson('long-overdue', '2024-01-15'),
    lesson('after-the-notice', '2026-01-10'),
  ];
  const today = day('2026-12-01');

  it('lists overdue lessons and those due in the next 30 days, the longest-waiting first', () => {
    const { due, next, dueBy } = reviewSchedule(lessons, today);
    expect(dueBy).toEqual(day('2026-12-31'));
    expect(due.map((l) => [l.title, l.overdue, l.dueOn.toISOString().slice(0, 10)])).toEqual([
      ['long-overdue', true, '2025-01-15'],
      ['overdue', true, '2026-06-02'],
      ['soon', false, '2026-12-21'],
    ]);
    expect(due[1]).toMatchObject({ sourceCount: 1, href: '/courses/c/lessons/overdue' });
    expect(due[2]).toMatchObject({ locale: 'es', href: '/es/courses/c/lessons/soon' });
    expect(next?.title).toBe('after-the-notice');
  });

  it('looks further ahead when asked, and says what comes next when nothing is due', () => {
    expect(reviewSchedule(lessons, today, day('2027-01-11')).due.map((l) => l.title)).toEqual(['long-overdue', 'overdue', 'soon', 'after-the-notice']);
    const calm = reviewSchedule([lesson('fresh', '2026-11-30')], today);
    expect(calm.due).toEqual([]);
    expect(calm.next).toMatchObject({ title: 'fresh', dueOn: day('2027-12-01'), overdue: false });
    expect(reviewSchedule([], today)).toEqual({ dueBy: day('2026-12-31'), due: [], next: null });
  });

  it('keeps a lesson and its translation side by side', () => {
    const pair = [lesson('Los SMS', '2025-01-01', { locale: 'es' }), lesson('Texting', '2025-01-01'), lesson('Los SMS', '2025-01-01')];
    expect(reviewSchedule(pair, today).due.map((l) => `${l.title}/${l.locale}`)).toEqual(['Los SMS/en', 'Los SMS/es', 'Texting/en']);
  });
});

describe('dueByQuery', () => {
  it('takes a calendar date or nothing, and refuses anything else with a message', () => {
    expect(dueByQuery.parse({ by: '2027-06-30' })).toEqual({ by: '2027-06-30' });
    expect(dueByQuery.parse({})).toEqual({});
    expect(dueByQuery.parse({ by: '' })).toEqual({ by: '' });
    const bad = dueByQuery.safeParse({ by: 'next week' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Enter a date like 2027-06-30.');
  });
});
