import type { Query } from '~/lib/db';
import { auditLog } from '~db/schema';

/** Everything worth a trail: who changed whose access or content, and when. */
export type AuditAction =
  | 'user.created'
  | 'user.role-changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password-changed'
  | 'user.password-reset'
  /** The first password of an account, from the e-mailed link: the sign-up is finished. */
  | 'user.password-set'
  | 'user.signed-out'
  | 'enroll'
  | 'revoke'
  | 'payment.refunded'
  | 'payment.partly-refunded'
  | 'payment.disputed'
  | 'payment.duplicate'
  | 'import'
  | 'testimonial.approved'
  | 'testimonial.rejected';

export interface AuditEntry {
  /** Null when the system (a webhook) or the CLI, run by someone with shell access, acted. */
  actorId: number | null;
  action: AuditAction;
  subjectUserId?: number | null;
  courseSlug?: string | null;
  /** Stored as JSON; never put secrets in it. */
  detail?: Record<string, unknown>;
}

/**
 * Appends one audit row. Callers run it inside the transaction of the change it records, so the
 * trail can never disagree with the data.
 * @example await recordAudit(tx, { actorId: admin.id, action: 'revoke', subjectUserId: 7, courseSlug: 'texting-for-turnout' });
 */
export async function recordAudit(
  tx: Query,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectUserId: entry.subjectUserId ?? null,
    courseSlug: entry.courseSlug ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    createdAt: now,
  });
}
