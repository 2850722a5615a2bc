import { courseReport, type CourseReport } from '~/lib/admin/reports';
import type { SessionUser } from '~/lib/auth/user';
import { translator } from '~/lib/i18n/translate';
import { botsInCourse } from './bots';
import { getCurriculum, listCourses, type LocalizedCurriculum } from './catalog';
import { plainResponse } from './forms';
import { getDb } from './runtime';

/**
 * Reports are for staff: admins, and instructors (who see counts only, never e-mail addresses or
 * payments). An instructor account is not tied to a content instructor entry, so instructors see
 * every course's report.
 */
export function requireStaff(locals: App.Locals, url: URL): { ok: true; user: SessionUser } | { ok: false; response: Response } {
  const user = locals.user;
  if (!user) return { ok: false, response: new Response(null, { status: 302, headers: { Location: `/login?next=${encodeURIComponent(url.pathname + url.search)}` } }) };
  if (user.role !== 'admin' && user.role !== 'instructor') return { ok: false, response: plainResponse(403, translator(locals.locale)('error.forbidden')) };
  return { ok: true, user };
}

export async function reportCourses(): Promise<{ slug: string; title: string }[]> {
  return (await listCourses('en')).map((c) => ({ slug: c.slug, title: c.course.title }));
}

/** A course's report, or undefined for an unknown course. */
export async function loadCourseReport(slug: string): Promise<{ curriculum: LocalizedCurriculum; report: CourseReport } | undefined> {
  const curriculum = await getCurriculum(slug, 'en');
  if (!curriculum) return undefined;
  const course = {
    slug: curriculum.slug,
    lessons: curriculum.lessons.map((l) => ({ slug: l.slug, title: l.data.title, quizzes: l.data.quizzes.map((q) => ({ id: q.id, question: q.question })) })),
    botIds: await botsInCourse(curriculum.slug),
  };
  return { curriculum, report: await courseReport((await getDb()).read, course) };
}
