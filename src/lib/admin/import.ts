import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '~/lib/audit/audit-log';
import { validateDisplayName } from '~/lib/auth/display-name';
import { validateEmail } from '~/lib/auth/email';
import type { Db, Query, Reader } from '~/lib/db';
import { enrollWithin } from '~/lib/enrollment/enrollment';
import { isLocale, type Locale } from '~/lib/i18n/locales';
import { enrollments, users } from '~db/schema';
import { parseCsv } from './csv';

/**
 * Bulk enrollment for a partner group from a CSV (email, name, course, optional group and
 * language). The dry run (planImport) reads every row and says what is wrong with each, with its
 * line number; the commit applies every valid row in one transaction, or none of them.
 */

export const MAX_IMPORT_ROWS = 20_000;
const MAX_GROUP_LENGTH = 120;

export type ImportProblemCode =
  | 'csv-empty'
  | 'csv-unreadable'
  | 'column-missing'
  | 'too-many-rows'
  | 'email-invalid'
  | 'name-invalid'
  | 'course-unknown'
  | 'language-invalid'
  | 'group-too-long'
  | 'duplicate-in-file'
  | 'already-enrolled';

export interface ImportProblem {
  line: number;
  code: ImportProblemCode;
  /** What the row said, for the message: the course, the duplicate's line, the column. */
  detail?: string;
}

export interface ImportRow {
  line: number;
  email: string;
  name: string;
  course: string;
  group: string | null;
  locale: Locale;
}

export interface ImportPlan {
  /** Rows that will be enrolled. */
  rows: ImportRow[];
  /** Rows that will not, and why (already-enrolled rows are skipped, not errors). */
  problems: ImportProblem[];
  /** Data rows read from the file. */
  total: number;
}

const HEADERS: Record<string, 'email' | 'name' | 'course' | 'group' | 'language'> = {
  email: 'email',
  'e-mail': 'email',
  correo: 'email',
  name: 'name',
  'display name': 'name',
  nombre: 'name',
  course: 'course',
  curso: 'course',
  group: 'group',
  'partner group': 'group',
  grupo: 'group',
  language: 'language',
  locale: 'language',
  idioma: 'language',
};

/**
 * Reads and checks an import file without writing anything.
 * @example const plan = await planImport(db.read, csvText, new Set(['texting-for-turnout']));
 */
export async function planImport(
  q: Reader,
  text: string,
  courses: ReadonlySet<string>,
  defaultGroup: string | null = null,
): Promise<ImportPlan> {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { rows: [], problems: [{ line: parsed.line ?? 1, code: parsed.error }], total: 0 };
  const column = new Map<string, number>();
  parsed.header.forEach((h, i) => {
    const known = HEADERS[h.trim()];
    if (known && !column.has(known)) column.set(known, i);
  });
  const missing = (['email', 'course'] as const).filter((c) => !column.has(c));
  if (missing.length)
    return {
      rows: [],
      problems: missing.map((c) => ({ line: 1, code: 'column-missing' as const, detail: c })),
      total: parsed.records.length,
    };
  if (parsed.records.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      problems: [{ line: 1, code: 'too-many-rows', detail: String(MAX_IMPORT_ROWS) }],
      total: parsed.records.length,
    };

  const cell = (cells: string[], name: string) => {
    const i = column.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const problems: ImportProblem[] = [];
  const candidates: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of parsed.records) {
    const email = validateEmail(cell(cells, 'email'));
    if (!email.ok) {
      problems.push({ line, code: 'email-invalid' });
      continue;
    }
    const rawName = cell(cells, 'name') || email.value.split('@')[0]!;
    const name = validateDisplayName(rawName);
    const course = cell(cells, 'course');
    const language = cell(cells, 'language').toLowerCase() || 'en';
    const group = cell(cells, 'group') || defaultGroup;
    const rowProblems: ImportProblem[] = [];
    if (!name.ok) rowProblems.push({ line, code: 'name-invalid' });
    if (!courses.has(course)) rowProblems.push({ line, code: 'course-unknown', detail: course });
    if (!isLocale(language)) rowProblems.push({ line, code: 'language-invalid', detail: language });
    if (group && group.length > MAX_GROUP_LENGTH)
      rowProblems.push({ line, code: 'group-too-long' });
    const key = `${email.value}\n${course}`;
    const first = seen.get(key);
    if (first !== undefined)
      rowProblems.push({ line, code: 'duplicate-in-file', detail: String(first) });
    else seen.set(key, line);
    if (!name.ok || !isLocale(language) || rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    candidates.push({
      line,
      email: email.value,
      name: name.value,
      course,
      group: group || null,
      locale: language,
    });
  }

  const active = await activeEnrollments(q, candidates);
  const rows = candidates.filter((row) => {
    if (!active.has(`${row.email}\n${row.course}`)) return true;
    problems.push({ line: row.line, code: 'already-enrolled', detail: row.course });
    return false;
  });
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, total: parsed.records.length };
}

/** "email\ncourse" for each row's address that already has an active enrollment in that course. */
async function activeEnrollments(q: Reader, rows: ImportRow[]): Promise<Set<string>> {
  const found = new Set<string>();
  const emails = [...new Set(rows.map((r) => r.email))];
  for (let i = 0; i < emails.length; i += 500) {
    const batch = await q
      .select({ email: users.email, course: enrollments.courseSlug, status: enrollments.status })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(inArray(users.email, emails.slice(i, i + 500)));
    for (const r of batch) if (r.status === 'active') found.add(`${r.email}\n${r.course}`);
  }
  return found;
}

export interface ImportResult {
  enrolled: number;
  /** Accounts created by this import (they have no password yet: send them a set-password link). */
  newUserIds: number[];
  /** The course each new account was first enrolled in, for its invitation. */
  firstCourse: Map<number, string>;
}

/**
 * Applies a plan's rows in one transaction: an account is created for each new address (without
 * a password), then each row is enrolled with source 'import' and its group. Any failure rolls
 * everything back. Rows enrolled meanwhile by someone else are counted, not duplicated.
 */
export function commitImport(
  db: Db,
  plan: ImportPlan,
  actorId: number | null,
  now: Date = new Date(),
): Promise<ImportResult> {
  return db.write(async (tx) => {
    const ids = await accountsFor(tx, plan.rows, now);
    let enrolled = 0;
    for (const row of plan.rows) {
      const result = await enrollWithin(
        tx,
        {
          userId: ids.get(row.email)!.id,
          courseSlug: row.course,
          source: 'import',
          actorId,
          partnerGroup: row.group,
        },
        now,
      );
      if (result.ok && result.value.created) enrolled++;
    }
    const newUserIds = [...ids.values()].filter((a) => a.created).map((a) => a.id);
    const firstCourse = new Map<number, string>();
    for (const row of plan.rows) {
      const account = ids.get(row.email)!;
      if (account.created && !firstCourse.has(account.id)) firstCourse.set(account.id, row.course);
    }
    await recordAudit(
      tx,
      {
        actorId,
        action: 'import',
        detail: {
          rows: plan.rows.length,
          enrolled,
          newAccounts: newUserIds.length,
          skipped: plan.problems.length,
        },
      },
      now,
    );
    return { enrolled, newUserIds, firstCourse };
  });
}

async function accountsFor(
  tx: Query,
  rows: ImportRow[],
  now: Date,
): Promise<Map<string, { id: number; created: boolean }>> {
  const ids = new Map<string, { id: number; created: boolean }>();
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const emails = [...byEmail.keys()];
  for (let i = 0; i < emails.length; i += 500) {
    const batch = emails.slice(i, i + 500);
    for (const u of await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, batch)))
      ids.set(u.email, { id: u.id, created: false });
    const missing = batch
      .filter((e) => !ids.has(e))
      .map((e) => ({
        email: e,
        displayName: byEmail.get(e)!.name,
        locale: byEmail.get(e)!.locale,
        createdAt: now,
      }));
    if (missing.length) {
      const created = await tx
        .insert(users)
        .values(missing)
        .returning({ id: users.id, email: users.email });
      for (const u of created) ids.set(u.email, { id: u.id, created: true });
    }
  }
  return ids;
}
