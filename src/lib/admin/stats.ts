import { count, gte } from 'drizzle-orm';
import type { Reader } from '~/lib/db';
import { certificates, enrollments } from '~db/schema';

export interface CourseStats {
  courseSlug: string;
  active: number;
  revoked: number;
  refunded: number;
  /** Learners who opened a lesson in the last 30 days. */
  activeLast30Days: number;
  completed: number;
}

/**
 * Per-course headline numbers for the CLI and the reports: enrollments by status, recent
 * activity, and completions (certificates issued).
 */
export async function courseStats(q: Reader, now: Date = new Date()): Promise<CourseStats[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [byStatus, recent, done] = await Promise.all([
    q
      .select({ course: enrollments.courseSlug, status: enrollments.status, n: count() })
      .from(enrollments)
      .groupBy(enrollments.courseSlug, enrollments.status),
    // Learners with a lesson view in 30 days, kept on the enrollment (see recordLessonView).
    q
      .select({ course: enrollments.courseSlug, n: count() })
      .from(enrollments)
      .where(gte(enrollments.lastActiveAt, since))
      .groupBy(enrollments.courseSlug),
    q
      .select({ course: certificates.courseSlug, n: count() })
      .from(certificates)
      .groupBy(certificates.courseSlug),
  ]);
  const stats = new Map<string, CourseStats>();
  const of = (course: string) => {
    let s = stats.get(course);
    if (!s)
      stats.set(
        course,
        (s = {
          courseSlug: course,
          active: 0,
          revoked: 0,
          refunded: 0,
          activeLast30Days: 0,
          completed: 0,
        }),
      );
    return s;
  };
  for (const r of byStatus) of(r.course)[r.status] = Number(r.n);
  for (const r of recent) of(r.course).activeLast30Days = Number(r.n);
  for (const r of done) of(r.course).completed = Number(r.n);
  return [...stats.values()].sort((a, b) => a.courseSlug.localeCompare(b.courseSlug));
}
