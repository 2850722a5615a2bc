import { getEnrollment, listEnrollmentsForUser } from '~/lib/enrollment/enrollment';
import type { Locale } from '~/lib/i18n/locales';
import { getCertificateFor } from '~/lib/progress/certificate';
import { getCourseProgress } from '~/lib/progress/progress';
import { resumeLesson } from '~/lib/progress/resume';
import { getCurriculum, type LocalizedCurriculum } from './catalog';
import { getDb } from './runtime';

export interface DashboardCourse {
  curriculum: LocalizedCurriculum;
  percent: number;
  continueSlug: string | null;
  /** Some lesson was opened: the learner continues rather than starts. */
  started: boolean;
  complete: boolean;
  /** Lessons still to complete before the certificate is issued. */
  lessonsLeft: number;
  certificateId: string | null;
}

async function dashboardCourse(
  userId: number,
  courseSlug: string,
  locale: Locale,
): Promise<DashboardCourse | null> {
  const db = await getDb();
  const curriculum = await getCurriculum(courseSlug, locale);
  if (!curriculum) return null;
  const [progress, certificate] = await Promise.all([
    getCourseProgress(db, userId, curriculum),
    getCertificateFor(db.read, userId, curriculum.slug),
  ]);
  return {
    curriculum,
    percent: progress.percent,
    continueSlug: resumeLesson(curriculum, progress)?.slug ?? null,
    started: progress.viewed.size > 0,
    complete: progress.complete,
    lessonsLeft: curriculum.lessons.length - progress.completed.size,
    certificateId: certificate?.id ?? null,
  };
}

/** The learner's active courses with progress and where to continue, most recent enrollment first. */
export async function loadDashboard(userId: number, locale: Locale): Promise<DashboardCourse[]> {
  const rows = await listEnrollmentsForUser(await getDb(), userId);
  const courses = await Promise.all(
    rows.map((row) => dashboardCourse(userId, row.courseSlug, locale)),
  );
  return courses.filter((c): c is DashboardCourse => c !== null);
}

/** One course of the learner's dashboard (for the confirmation before erasing progress), or null when they are not enrolled. */
export async function loadDashboardCourse(
  userId: number,
  courseSlug: string,
  locale: Locale,
): Promise<DashboardCourse | null> {
  const enrollment = await getEnrollment((await getDb()).read, userId, courseSlug);
  return enrollment?.status === 'active' ? dashboardCourse(userId, courseSlug, locale) : null;
}
