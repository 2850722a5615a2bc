import type { Db } from '~/lib/db';
import { auditLog } from '~db/schema';

/** Account events worth a trail: who changed whose access, and when. */
export type AccountAuditAction =
  | 'user.created'
  | 'user.role-changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password-changed'
  | 'user.password-reset';

/**
 * Appends one audit row. `actorId` is null when the CLI (someone with shell access) acted.
 * `detail` is stored as JSON; never put secrets in it.
 *
 * @example
 * writeAudit(tx, { actorId: admin.id, action: 'user.role-changed', subjectUserId: 7, detail: { from: 'learner', to: 'instructor' } });
 */
export function writeAudit(
  db: Db,
  entry: { actorId: number | null; action: AccountAuditAction; subjectUserId: number; detail?: Record<string, unknown> },
  now: Date = new Date(),
): void {
  db.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectUserId: entry.subjectUserId,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      createdAt: now,
    })
    .run();
}
