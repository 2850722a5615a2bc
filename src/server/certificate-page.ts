import type { Locale } from '~/lib/i18n/locales';
import { getCertificate } from '~/lib/progress/certificate';
import { getCurriculum, getInstructors } from './catalog';
import { getDb } from './runtime';

export interface CertificateView {
  id: string;
  learnerName: string;
  courseTitle: string;
  courseSlug: string;
  issuedAt: Date;
  instructors: { name: string; role: string }[];
  minutes: number;
}

/** A certificate by its public id, or null (unknown id, or a course since removed). */
export async function loadCertificate(id: string, locale: Locale): Promise<CertificateView | null> {
  const row = await getCertificate(await getDb(), id);
  if (!row) return null;
  const curriculum = await getCurriculum(row.courseSlug, locale);
  if (!curriculum) return null;
  const instructors = await getInstructors(curriculum.course.instructors);
  return {
    id: row.id,
    learnerName: row.displayName,
    courseTitle: curriculum.course.title,
    courseSlug: curriculum.slug,
    issuedAt: row.issuedAt,
    instructors: instructors.map((i) => ({ name: i.data.name, role: i.data.role })),
    minutes: curriculum.minutes,
  };
}
