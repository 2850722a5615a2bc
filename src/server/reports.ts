import { loginRedirect } from '~/lib/http/redirect';
import { reportableCourses } from '~/lib/admin/report-access';
import { courseReport, type CourseReport } from '~/lib/admin/reports';
import type { SessionUser } from '~/lib/auth/user';
import { botsInCourse } from './bots';
import { entriesById, getCurriculum, listCourses, type LocalizedCurriculum } from './catalog';
import { plainResponse } from './forms';
import { getDb } from './runtime';

/**
 * Reports are for staff: admins, and instructors (who see counts only, never e-mail addresses or
 * payments, and only for the courses they teach: see `reportableCourses`).
 */
export function requireStaff(
  locals: App.Locals,
  url: URL,
): { ok: true; user: SessionUser } | { ok: false; response: Response } {
  const user = locals.user;
  if (!user) return { ok: false, response: loginRedirect('en', url.pathname + url.search) };
  if (user.role !== 'admin' && user.role !== 'instructor')
    return { ok: false, response: plainResponse(403, locals.t('error.forbidden')) };
  return { ok: true, user };
}

/** The courses whose reports this staff member may open, by title. */
export async function reportCourses(user: SessionUser): Promise<{ slug: string; title: string }[]> {
  const courses = await listCourses('en');
  const instructors = [...(await entriesById('instructors')).values()].map((entry) => ({
    id: entry.id,
    accounts: entry.data.accounts,
  }));
  const allowed = new Set(
    reportableCourses(
      user,
      courses.map((c) => ({ slug: c.slug, instructors: c.course.instructors })),
      instructors,
    ),
  );
  return courses
    .filter((c) => allowed.has(c.slug))
    .map((c) => ({ slug: c.slug, title: c.course.title }));
}

/**
 * A course's report; 'not-found' for an unknown course and 'forbidden' for one this staff member
 * does not teach.
 */
export async function loadCourseReport(
  slug: string,
  user: SessionUser,
): Promise<{ curriculum: LocalizedCurriculum; report: CourseReport } | 'not-found' | 'forbidden'> {
  const curriculum = await getCurriculum(slug, 'en');
  if (!curriculum) return 'not-found';
  if (!(await reportCourses(user)).some((c) => c.slug === slug)) return 'forbidden';
  const course = {
    slug: curriculum.slug,
    lessons: curriculum.lessons.map((l) => ({
      slug: l.slug,
      title: l.data.title,
      quizzes: l.data.quizzes.map((q) => ({ id: q.id, question: q.question })),
    })),
    botIds: await botsInCourse(curriculum.slug),
  };
  return { curriculum, report: await courseReport((await getDb()).read, course) };
}
