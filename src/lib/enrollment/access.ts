import type { Reader } from '~/lib/db';
import { getEnrollmentStatus } from './enrollment';

/** Who is asking: the signed-in user's id and role, or null when nobody is signed in. */
export type Viewer = { id: number; role: 'learner' | 'instructor' | 'admin' } | null;

/** Whether a lesson may be shown, and why: the page uses `via`/`reason` to pick its banner. */
export type LessonAccess =
  | { allowed: true; via: 'staff' | 'enrolled' | 'preview' }
  | { allowed: false; reason: 'login-required' | 'not-enrolled' };

/** Instructors and admins review every course, enrolled or not. */
function isStaff(viewer: Viewer): boolean {
  return viewer !== null && (viewer.role === 'instructor' || viewer.role === 'admin');
}

/** Only 'active' counts: a revoked or refunded row must lose access at once, not at some sweep. */
function isActive(enrollment: { status: string } | null): boolean {
  return enrollment !== null && enrollment.status === 'active';
}

/**
 * The access rule, with no I/O so it can be tested as a table. Order matters: staff first, then
 * enrollment, then preview, so an enrolled learner on a preview lesson is reported as 'enrolled'
 * (their progress is tracked there, an anonymous visitor's is not).
 *
 * @example
 * decideLessonAccess(null, { preview: false }, null); // { allowed: false, reason: 'login-required' }
 * decideLessonAccess({ id: 1, role: 'learner' }, { preview: false }, { status: 'active' }); // { allowed: true, via: 'enrolled' }
 */
export function decideLessonAccess(
  viewer: Viewer,
  lesson: { preview: boolean },
  enrollment: { status: string } | null,
): LessonAccess {
  if (isStaff(viewer)) return { allowed: true, via: 'staff' };
  if (viewer !== null && isActive(enrollment)) return { allowed: true, via: 'enrolled' };
  if (lesson.preview) return { allowed: true, via: 'preview' };
  return viewer === null
    ? { allowed: false, reason: 'login-required' }
    : { allowed: false, reason: 'not-enrolled' };
}

/**
 * The one access check every lesson page and endpoint uses: looks up the viewer's enrollment and
 * applies decideLessonAccess. Nothing is cached, so a revocation applies to the next request.
 *
 * @example
 * const access = await lessonAccess(db.read, locals.user, courseSlug, { preview: lesson.data.preview });
 * if (!access.allowed) return access.reason === 'login-required' ? redirectToLogin() : redirectToCoursePage();
 */
export async function lessonAccess(
  q: Reader,
  viewer: Viewer,
  courseSlug: string,
  lesson: { preview: boolean },
): Promise<LessonAccess> {
  // Anonymous and staff viewers do not depend on an enrollment, so skip the query for them.
  const status =
    viewer === null || isStaff(viewer) ? null : await getEnrollmentStatus(q, viewer.id, courseSlug);
  return decideLessonAccess(viewer, lesson, status === null ? null : { status });
}

/**
 * canTrackProgress for a viewer whose access to one of the course's lessons was just decided,
 * without asking the database again: staff and active enrollments are exactly the viewers whose
 * progress is stored, and a preview grant means neither.
 *
 * @example
 * const tracked = tracksProgress(await lessonAccess(db.read, viewer, courseSlug, lesson.data));
 */
export function tracksProgress(access: LessonAccess): boolean {
  return access.allowed && (access.via === 'staff' || access.via === 'enrolled');
}

/**
 * Whether progress, quiz answers and bot conversations may be stored for this viewer in this
 * course. Preview lessons are readable by anyone, but only enrolled learners (and staff trying the
 * course out) get rows written, so a drive-by visitor cannot fill the database.
 *
 * @example
 * if (!(await canTrackProgress(db.read, locals.user, courseSlug))) return new Response(null, { status: 403 });
 */
export async function canTrackProgress(
  q: Reader,
  viewer: Viewer,
  courseSlug: string,
): Promise<boolean> {
  if (viewer === null) return false;
  if (isStaff(viewer)) return true;
  const status = await getEnrollmentStatus(q, viewer.id, courseSlug);
  return isActive(status === null ? null : { status });
}
