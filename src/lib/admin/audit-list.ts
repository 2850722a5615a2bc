import { z } from 'astro/zod';
import { aliasedTable, and, count, desc, eq, sql } from 'drizzle-orm';
import type { Reader } from '~/lib/db';
import { auditLog, users } from '~db/schema';

/** The audit log, newest first, filtered by action and by whom it was about. Read-only by design. */

export const auditFilterSchema = z.object({
  action: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(60).optional()),
  subject: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().trim().toLowerCase().max(254).optional(),
  ),
  course: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(200).optional()),
  page: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(100_000).optional(),
  ),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  actor: string | null;
  subject: string | null;
  courseSlug: string | null;
  detail: Record<string, unknown>;
}

const PAGE = 100;

export async function listAudit(
  q: Reader,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number }> {
  const actor = aliasedTable(users, 'actor');
  const subject = aliasedTable(users, 'subject');
  const where = and(
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.course ? eq(auditLog.courseSlug, filter.course) : undefined,
    filter.subject
      ? sql`${auditLog.subjectUserId} in (select ${users.id} from ${users} where ${users.email} = ${filter.subject})`
      : undefined,
  );
  const [{ n } = { n: 0 }] = await q.select({ n: count() }).from(auditLog).where(where);
  const pages = Math.max(1, Math.ceil(n / PAGE));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await q
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      actor: actor.email,
      subject: subject.email,
      courseSlug: auditLog.courseSlug,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(subject, eq(subject.id, auditLog.subjectUserId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(PAGE)
    .offset((page - 1) * PAGE);
  return {
    rows: rows.map((r) => ({ ...r, detail: parseDetail(r.detail) })),
    total: n,
    page,
    pages,
  };
}

/**
 * An audit entry's detail as an admin reads it: "reason: moved to another group; amount: 4900".
 * @example describeAuditDetail({ reason: 'duplicate' }) // 'reason: duplicate'
 */
export function describeAuditDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

/** The detail column (JSON text) as an object; empty when absent or unreadable. */
export function parseDetail(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The actions present in the log, for the filter's choices. */
export async function auditActions(q: Reader): Promise<string[]> {
  return (
    await q.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)
  ).map((r) => r.action);
}
