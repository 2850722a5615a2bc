import { z } from 'astro/zod';
import { commitImport, planImport, type ImportPlan, type ImportProblem } from '~/lib/admin/import';
import type { SessionUser } from '~/lib/auth/user';
import { listCourses } from '../catalog';
import { readFormInput, type FieldErrors } from '../form-input';
import { getDb } from '../runtime';
import { sendInvitations } from './invitations';

/** A spreadsheet of 20,000 rows is well under this (the server caps every body at 4 MB). */
export const MAX_IMPORT_BYTES = 3 * 1024 * 1024;

const importSchema = z.object({
  step: z.enum(['preview', 'commit']),
  file: z.instanceof(File).optional(),
  csv: z.string().max(MAX_IMPORT_BYTES).optional(),
  group: z
    .string()
    .trim()
    .max(120, { error: 'Group names are at most 120 characters.' })
    .optional(),
  invite: z.literal('yes').optional(),
});

export type ImportPage =
  | { stage: 'form'; errors: FieldErrors; values: Record<string, string>; status: number }
  | { stage: 'preview'; plan: ImportPlan; csv: string; group: string }
  | { stage: 'done'; plan: ImportPlan; enrolled: number; newAccounts: number; invited: boolean };

/** Messages an admin can act on, one per problem code. */
export function describeProblem(p: ImportProblem): string {
  switch (p.code) {
    case 'csv-empty':
      return 'The file is empty.';
    case 'csv-unreadable':
      return `The file stops being valid CSV here (often a quote that is never closed).`;
    case 'column-missing':
      return `There is no "${p.detail}" column in the first row. Columns: email, name, course, and optionally group and language.`;
    case 'too-many-rows':
      return `The file has more than ${p.detail} rows; split it into smaller files.`;
    case 'email-invalid':
      return 'The e-mail address is not valid.';
    case 'name-invalid':
      return 'The name must be 1 to 80 characters, without control characters.';
    case 'course-unknown':
      return p.detail ? `There is no course "${p.detail}".` : 'The course is missing.';
    case 'language-invalid':
      return `The language must be en or es, not "${p.detail}".`;
    case 'group-too-long':
      return 'The group name is longer than 120 characters.';
    case 'duplicate-in-file':
      return `The same address and course are already on line ${p.detail}.`;
    case 'already-enrolled':
      return `Already enrolled in ${p.detail}; skipped.`;
  }
}

/**
 * The import page's POST: "preview" reads the file and shows the dry run; "commit" reads the same
 * text again (nothing is trusted from the preview) and applies every valid row in one transaction.
 */
export async function handleImport(request: Request, admin: SessionUser): Promise<ImportPage> {
  const input = await readFormInput(request, importSchema, MAX_IMPORT_BYTES);
  if (!input.ok) {
    const errors =
      input.status === 413
        ? { file: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.` }
        : input.status === 422
          ? input.errors
          : { file: 'The upload could not be read. Choose the file again and retry.' };
    return { stage: 'form', errors, values: input.values, status: input.status };
  }
  const { step, file, group = '', invite } = input.data;
  const csv = file && file.size > 0 ? await file.text() : (input.data.csv ?? '');
  if (!csv.trim())
    return {
      stage: 'form',
      errors: { file: 'Choose a CSV file, or paste its rows.' },
      values: { group },
      status: 422,
    };
  const db = await getDb();
  const courses = new Set((await listCourses('en')).map((c) => c.slug));
  const plan = await planImport(db.read, csv, courses, group || null);
  if (step === 'preview' || plan.rows.length === 0) return { stage: 'preview', plan, csv, group };
  const result = await commitImport(db, plan, admin.id);
  const invited = invite === 'yes' && result.newUserIds.length > 0;
  if (invited) {
    const byCourse = new Map<string, number[]>();
    for (const [userId, course] of result.firstCourse)
      byCourse.set(course, [...(byCourse.get(course) ?? []), userId]);
    for (const [course, userIds] of byCourse) await sendInvitations(db, userIds, course);
  }
  return {
    stage: 'done',
    plan,
    enrolled: result.enrolled,
    newAccounts: result.newUserIds.length,
    invited,
  };
}
