import { normalizeEmail } from '~/lib/auth/email';
import type { SessionUser } from '~/lib/auth/user';

export interface CourseStaffing {
  slug: string;
  /** Instructor entry ids, as the course lists them. */
  instructors: readonly string[];
}

export interface InstructorAccounts {
  id: string;
  /** Account e-mail addresses the instructor entry names. */
  accounts: readonly string[];
}

/**
 * The courses whose reports a staff member may read: every course for an admin; for an
 * instructor, the courses that name an instructor entry listing the account's address. Reports
 * carry counts only, but an organization's numbers are still its own business, so an instructor
 * of one course does not see another's.
 *
 * @example
 * reportableCourses({ role: 'instructor', email: 'ana@example.org' },
 *   [{ slug: 'a', instructors: ['ana'] }, { slug: 'b', instructors: ['bo'] }],
 *   [{ id: 'ana', accounts: ['Ana@Example.org'] }]) // ['a']
 */
export function reportableCourses(
  user: Pick<SessionUser, 'role' | 'email'>,
  courses: readonly CourseStaffing[],
  instructors: readonly InstructorAccounts[],
): string[] {
  if (user.role === 'admin') return courses.map((c) => c.slug);
  if (user.role !== 'instructor') return [];
  const email = normalizeEmail(user.email);
  const mine = new Set(
    instructors.filter((i) => i.accounts.some((a) => normalizeEmail(a) === email)).map((i) => i.id),
  );
  return courses.filter((c) => c.instructors.some((id) => mine.has(id))).map((c) => c.slug);
}
