import { listEnrollmentsForUser } from '~/lib/enrollment/enrollment';
import type { Locale } from '~/lib/i18n/locales';
import { getCertificateFor } from '~/lib/progress/certificate';
import { getCourseProgress } from '~/lib/progress/progress';
import { getCurriculum, type LocalizedCurriculum } from './catalog';
import { getDb } from './runtime';

export interface DashboardCourse {
  curriculum: LocalizedCurriculum;
  percent: number;
  continueSlug: string | null;
  complete: boolean;
  certificateId: string | null;
}

/** The learner's active courses with progress and where to continue, most recent enrollment first. */
export async function loadDashboard(userId: number, locale: Locale): Promise<DashboardCourse[]> {
  const db = await getDb();
  const rows = await listEnrollmentsForUser(db, userId);
  const courses = await Promise.all(
    rows.map(async (row) => {
      const curriculum = await getCurriculum(row.courseSlug, locale);
      if (!curriculum) return null;
      const [progress, certificate] = await Promise.all([getCourseProgress(db, userId, curriculum), getCertificateFor(db.read, userId, curriculum.slug)]);
      return {
        curriculum,
        percent: progress.percent,
        continueSlug: (progress.nextLesson ?? progress.lastViewed ?? curriculum.lessons[0])?.slug ?? null,
        complete: progress.complete,
        certificateId: certificate?.id ?? null,
      };
    }),
  );
  return courses.filter((c): c is DashboardCourse => c !== null);
}
