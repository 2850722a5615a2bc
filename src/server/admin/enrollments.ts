import { z } from 'astro/zod';
import { enrollByEmail } from '~/lib/admin/enroll-by-email';
import {
  enrollmentFilterSchema,
  listEnrollments,
  partnerGroups,
  type EnrollmentFilter,
} from '~/lib/admin/enrollment-list';
import type { SessionUser } from '~/lib/auth/user';
import { enroll, getEnrollmentById, revokeEnrollment } from '~/lib/enrollment/enrollment';
import { LOCALES } from '~/lib/i18n/locales';
import { listCourses } from '../catalog';
import { readFormInput, type FieldErrors } from '../form-input';
import { getDb } from '../runtime';
import { sendInvitations } from './invitations';

const reason = z
  .string()
  .trim()
  .min(3, { error: 'Give a reason (at least 3 characters); it goes in the audit log.' })
  .max(500, { error: 'Keep the reason under 500 characters.' });

export const enrollmentActionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('enroll'),
    email: z
      .string()
      .trim()
      .min(1, { error: 'Enter an e-mail address.' })
      .max(254, { error: 'That address is too long.' }),
    name: z.string().trim().max(80, { error: 'Names are at most 80 characters.' }).optional(),
    course: z.string().min(1, { error: 'Choose a course.' }).max(200),
    locale: z.enum(LOCALES, { error: 'Choose English or Spanish.' }),
    group: z
      .string()
      .trim()
      .max(120, { error: 'Group names are at most 120 characters.' })
      .optional(),
    reason: z
      .string()
      .trim()
      .max(500, { error: 'Keep the reason under 500 characters.' })
      .optional(),
  }),
  z.object({ action: z.literal('revoke'), enrollment: z.coerce.number().int().positive(), reason }),
  z.object({
    action: z.literal('restore'),
    enrollment: z.coerce.number().int().positive(),
    reason,
  }),
]);

export interface EnrollmentsPage {
  filter: EnrollmentFilter;
  filterErrors: FieldErrors;
  list: Awaited<ReturnType<typeof listEnrollments>>;
  groups: string[];
  courses: { slug: string; title: string }[];
}

/** Everything /admin/enrollments shows for its query string. */
export async function loadEnrollmentsPage(url: URL): Promise<EnrollmentsPage> {
  const parsed = enrollmentFilterSchema.safeParse(Object.fromEntries(url.searchParams));
  const filter = parsed.success ? parsed.data : {};
  const filterErrors: FieldErrors = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) filterErrors[String(issue.path[0])] ??= issue.message;
  const db = await getDb();
  const [list, groups, courses] = await Promise.all([
    listEnrollments(db.read, filter),
    partnerGroups(db.read),
    listCourses('en'),
  ]);
  return {
    filter,
    filterErrors,
    list,
    groups,
    courses: courses.map((c) => ({ slug: c.slug, title: c.course.title })),
  };
}

export type EnrollmentAction =
  | { ok: true; notice: string }
  | {
      ok: false;
      status: number;
      form: 'enroll' | 'row';
      errors: FieldErrors;
      values: Record<string, string>;
    };

/** Enroll by e-mail, revoke or restore, for the admin `admin`. */
export async function handleEnrollmentAction(
  request: Request,
  admin: SessionUser,
): Promise<EnrollmentAction> {
  const input = await readFormInput(request, enrollmentActionSchema);
  if (!input.ok)
    return {
      ok: false,
      status: input.status,
      form: input.values.action === 'enroll' ? 'enroll' : 'row',
      errors: input.errors,
      values: input.values,
    };
  const db = await getDb();
  const form = input.data;
  if (form.action === 'enroll') {
    const courses = await listCourses('en');
    const course = courses.find((c) => c.slug === form.course);
    if (!course)
      return {
        ok: false,
        status: 422,
        form: 'enroll',
        errors: { course: 'Choose a course from the list.' },
        values: { ...form },
      };
    const result = await enrollByEmail(db, {
      email: form.email,
      name: form.name,
      course: course.slug,
      locale: form.locale,
      group: form.group || null,
      reason: form.reason,
      actorId: admin.id,
    });
    if (!result.ok)
      return {
        ok: false,
        status: 422,
        form: 'enroll',
        errors: {
          [result.field ?? 'email']:
            result.error === 'email-invalid'
              ? 'Enter a valid e-mail address.'
              : 'Names are 1 to 80 characters, without control characters.',
        },
        values: { ...form },
      };
    if (result.value.newAccount) await sendInvitations(db, [result.value.userId], course.slug);
    const who = form.email.trim().toLowerCase();
    if (result.value.newAccount)
      return {
        ok: true,
        notice: `Created an account for ${who}, enrolled it in ${course.course.title} and e-mailed a link to choose a password.`,
      };
    return {
      ok: true,
      notice: result.value.enrolled
        ? `Enrolled ${who} in ${course.course.title}.`
        : `${who} was already enrolled in ${course.course.title}.`,
    };
  }
  const row = await getEnrollmentById(db.read, form.enrollment);
  if (!row)
    return {
      ok: false,
      status: 404,
      form: 'row',
      errors: { enrollment: 'That enrollment no longer exists.' },
      values: {},
    };
  if (form.action === 'revoke') {
    const result = await revokeEnrollment(db, {
      userId: row.userId,
      courseSlug: row.courseSlug,
      actorId: admin.id,
      reason: form.reason,
    });
    return result.ok
      ? { ok: true, notice: `Revoked enrollment ${row.id}; access ended at once.` }
      : {
          ok: false,
          status: 409,
          form: 'row',
          errors: { enrollment: 'That enrollment is not active.' },
          values: {},
        };
  }
  const result = await enroll(db, {
    userId: row.userId,
    courseSlug: row.courseSlug,
    source: 'admin',
    actorId: admin.id,
    reason: form.reason,
  });
  return result.ok && result.value.created
    ? { ok: true, notice: `Restored enrollment ${row.id}.` }
    : {
        ok: false,
        status: 409,
        form: 'row',
        errors: { enrollment: 'That enrollment is already active.' },
        values: {},
      };
}
