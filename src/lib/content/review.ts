import { z } from 'astro/zod';

/**
 * When a lesson's rules must be checked against their sources again. One rule for the content
 * check's warning (lesson-body.ts) and for the instructors' list of lessons due for review.
 */

/** Rules change: a lesson not checked against its sources for this long is due for review. */
export const REVIEW_MAX_AGE_DAYS = 365;
/** Instructors see a review coming this many days before it is due. */
export const REVIEW_NOTICE_DAYS = 30;

const DAY = 86_400_000;

/**
 * Whole days from `reviewed` to `today` (negative when the date is in the future).
 * @example daysSinceReview(new Date('2025-11-30'), new Date('2026-11-30')) // 365
 */
export function daysSinceReview(reviewed: Date, today: Date): number {
  return Math.floor((today.getTime() - reviewed.getTime()) / DAY);
}

/** @example isOverdue(new Date('2025-11-29'), new Date('2026-11-30')) // true (366 days) */
export function isOverdue(reviewed: Date, today: Date): boolean {
  return daysSinceReview(reviewed, today) > REVIEW_MAX_AGE_DAYS;
}

/**
 * The first day a lesson reviewed on `reviewed` counts as overdue.
 * @example reviewDueOn(new Date('2026-11-30')) // 2027-12-01 (366 days later)
 */
export function reviewDueOn(reviewed: Date): Date {
  return new Date(reviewed.getTime() + (REVIEW_MAX_AGE_DAYS + 1) * DAY);
}

export interface ReviewedLesson {
  courseTitle: string;
  title: string;
  locale: string;
  href: string;
  reviewed: Date;
  sourceCount: number;
}

export interface DueLesson extends ReviewedLesson {
  dueOn: Date;
  overdue: boolean;
}

export interface ReviewSchedule {
  /** The last day the list covers. */
  dueBy: Date;
  /** Overdue lessons and those due by `dueBy`, the longest-waiting first. */
  due: DueLesson[];
  /** The first lesson to come due after those, so an empty list still says when work is next. */
  next: DueLesson | null;
}

/** The list's default reach: what is due in the next REVIEW_NOTICE_DAYS days. */
export function defaultDueBy(today: Date): Date {
  return new Date(today.getTime() + REVIEW_NOTICE_DAYS * DAY);
}

/** `?by=2027-06-30` on the instructors' list: plan reviews further ahead than the default. */
export const dueByQuery = z.object({ by: z.iso.date({ error: 'Enter a date like 2027-06-30.' }).optional().or(z.literal('')) });

/**
 * Sort lessons that carry a review date into those due by `dueBy` (overdue ones included) and
 * the next one after.
 * @example reviewSchedule(lessons, new Date('2027-11-15')).due // lessons reviewed on or before 2026-12-14
 */
export function reviewSchedule(lessons: readonly ReviewedLesson[], today: Date, dueBy: Date = defaultDueBy(today)): ReviewSchedule {
  const horizon = dueBy.getTime();
  const dated = lessons
    .map((lesson): DueLesson => ({ ...lesson, dueOn: reviewDueOn(lesson.reviewed), overdue: isOverdue(lesson.reviewed, today) }))
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.courseTitle.localeCompare(b.courseTitle) || a.title.localeCompare(b.title) || a.locale.localeCompare(b.locale));
  const due = dated.filter((lesson) => lesson.dueOn.getTime() <= horizon);
  return { dueBy, due, next: dated.find((lesson) => lesson.dueOn.getTime() > horizon) ?? null };
}
