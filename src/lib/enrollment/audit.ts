import type { Db } from '~/lib/db';
import { auditLog } from '~db/schema';

/** Enrollment events worth a trail: who gave or took away access to a course, and when. */
export type EnrollmentAuditAction = 'enroll' | 'revoke';

/**
 * Appends one enrollment audit row. Callers run it inside the same transaction as the change it
 * records, so the trail can never disagree with the enrollments table. `actorId` is null when the
 * system acted (a Stripe webhook, the CLI). `detail` is stored as JSON; never put secrets in it.
 *
 * @example
 * writeEnrollmentAudit(tx, { actorId: admin.id, action: 'revoke', subjectUserId: 7, courseSlug: 'texting-for-turnout', detail: { reason: 'chargeback' } });
 */
export function writeEnrollmentAudit(
  db: Db,
  entry: {
    actorId: number | null;
    action: EnrollmentAuditAction;
    subjectUserId: number;
    courseSlug: string;
    detail?: Record<string, unknown>;
  },
  now: Date = new Date(),
): void {
  db.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectUserId: entry.subjectUserId,
      courseSlug: entry.courseSlug,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      createdAt: now,
    })
    .run();
}
