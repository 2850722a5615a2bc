import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { isFree } from '~/lib/course/price';
import { preparedRead, type Db, type Query, type Reader } from '~/lib/db';
import type { Result } from '~/lib/result';
import { enrollments } from '~db/schema';
import { recordAudit } from '~/lib/audit/audit-log';

/** One enrollments row as drizzle returns it. */
export type EnrollmentRow = typeof enrollments.$inferSelect;

/** How someone came to be enrolled; stored on the row and in the audit trail. */
export type EnrollmentSource = 'free' | 'stripe' | 'admin' | 'import';

/** The Stripe payment behind an enrollment, as the checkout webhook reports it. */
export interface StripePayment {
  checkoutSessionId: string;
  paymentIntentId?: string | null;
  /** Minor units (cents), as Stripe reports amounts. */
  amountPaid?: number | null;
  currency?: string | null;
  /** The promotion code (a partner group's) applied at checkout, if any. */
  promotionCode?: string | null;
}

export interface EnrollInput {
  userId: number;
  courseSlug: string;
  source: EnrollmentSource;
  /** Who granted it: the learner for a free course, an admin, or null for the system (webhook, CLI). */
  actorId?: number | null;
  stripe?: StripePayment;
  /** The partner organization behind a bulk import or an admin's enrollment. */
  partnerGroup?: string | null;
  /** Why an admin enrolled or restored someone; kept in the audit log. */
  reason?: string;
}

export interface EnrollOutcome {
  enrollment: EnrollmentRow;
  /** False when the learner already had an active enrollment and nothing changed. */
  created: boolean;
}

/**
 * The learner's enrollment row for a course, whatever its status, or null.
 *
 * @example
 * const row = await getEnrollment(db.read, user.id, 'texting-for-turnout');
 * if (row?.status === 'refunded') showRefundNotice();
 */
export async function getEnrollment(
  q: Reader,
  userId: number,
  courseSlug: string,
): Promise<EnrollmentRow | null> {
  const [row] = await enrollmentOf(q, { userId, courseSlug });
  return row ?? null;
}

/** The enrollment of the `userId` placeholder's learner in the `courseSlug` placeholder's course. */
const learnerInCourse = () =>
  and(
    eq(enrollments.userId, sql.placeholder('userId')),
    eq(enrollments.courseSlug, sql.placeholder('courseSlug')),
  );

/** Read on every course page and by each enrollment change: prepared once (see preparedRead). */
const enrollmentOf = preparedRead((q) =>
  q.select().from(enrollments).where(learnerInCourse()).prepare(),
);

/**
 * Only the status of the learner's enrollment in a course, or null: what the access check on every
 * lesson page and endpoint needs. A narrower read than getEnrollment's whole row, which costs
 * SQLite about twice as long (12 µs against 7 µs, warm).
 */
export async function getEnrollmentStatus(
  q: Reader,
  userId: number,
  courseSlug: string,
): Promise<EnrollmentRow['status'] | null> {
  const [row] = await enrollmentStatusOf(q, { userId, courseSlug });
  return row?.status ?? null;
}

const enrollmentStatusOf = preparedRead((q) =>
  q.select({ status: enrollments.status }).from(enrollments).where(learnerInCourse()).prepare(),
);

/** An enrollment row by its id (the admin pages act on rows), or null. */
export async function getEnrollmentById(q: Reader, id: number): Promise<EnrollmentRow | null> {
  const [row] = await q.select().from(enrollments).where(eq(enrollments.id, id)).limit(1);
  return row ?? null;
}

/**
 * Enrolls a learner, safe to repeat:
 * - no row: inserts an active one (created true);
 * - a revoked or refunded row: reactivates it with the new source and payment (created true);
 * - an active row: changes nothing (created false), except that a Stripe payment with a
 *   *different* checkout session answers 'already-enrolled', because that is a second payment
 *   for a course the learner already has and the caller should flag it for a refund. A replayed
 *   webhook (same checkout session) is the ordinary created-false case.
 *
 * The read and the write share one transaction with the audit row, and the insert gives way to a
 * row another server committed meanwhile (ON CONFLICT DO NOTHING, then decide again on that
 * row), so two webhook deliveries racing each other make one row and every change leaves one
 * 'enroll' entry.
 *
 * @example
 * const r = await enroll(db, { userId, courseSlug: 'texting-for-turnout', source: 'stripe', stripe: { checkoutSessionId: session.id, amountPaid: 4900, currency: 'usd' } });
 * if (!r.ok) flagDuplicatePayment(session.id);
 */
export function enroll(
  db: Db,
  input: EnrollInput,
  now: Date = new Date(),
): Promise<Result<EnrollOutcome, 'already-enrolled'>> {
  return db.write((tx) => enrollWithin(tx, input, now));
}

/** `enroll` inside a transaction the caller holds (payment fulfilment records its event with it). */
export async function enrollWithin(
  tx: Query,
  input: EnrollInput,
  now: Date,
  retried = false,
): Promise<Result<EnrollOutcome, 'already-enrolled'>> {
  const existing = await getEnrollment(tx, input.userId, input.courseSlug);
  const payment = {
    stripeCheckoutSessionId: input.stripe?.checkoutSessionId ?? null,
    stripePaymentIntentId: input.stripe?.paymentIntentId ?? null,
    amountPaid: input.stripe?.amountPaid ?? null,
    currency: input.stripe?.currency ?? null,
    promotionCode: input.stripe?.promotionCode ?? null,
  };

  if (existing?.status === 'active') {
    const secondPayment =
      input.stripe !== undefined &&
      existing.stripeCheckoutSessionId !== input.stripe.checkoutSessionId;
    if (secondPayment) return { ok: false, error: 'already-enrolled' };
    return { ok: true, value: { enrollment: existing, created: false } };
  }

  let enrollment: EnrollmentRow;
  if (existing === null) {
    const [inserted] = await tx
      .insert(enrollments)
      .values({
        userId: input.userId,
        courseSlug: input.courseSlug,
        status: 'active',
        source: input.source,
        ...payment,
        partnerGroup: input.partnerGroup ?? null,
        createdAt: now,
      })
      // Any unique conflict: the same learner and course, or the same Stripe checkout session
      // (a webhook delivered twice at once).
      .onConflictDoNothing()
      .returning();
    // Another server enrolled them meanwhile: decide again on the row it committed.
    if (inserted === undefined) {
      if (retried)
        throw new Error(
          `enrollment of user ${input.userId} in ${input.courseSlug} conflicted twice`,
        );
      return enrollWithin(tx, input, now, true);
    }
    enrollment = inserted;
  } else {
    // A reactivation without a new payment keeps the old payment columns: they are the only
    // record of what was paid (and perhaps refunded) before.
    const paymentUpdate = input.stripe === undefined ? {} : payment;
    const groupUpdate = input.partnerGroup ? { partnerGroup: input.partnerGroup } : {};
    const [updated] = await tx
      .update(enrollments)
      .set({
        status: 'active',
        source: input.source,
        ...paymentUpdate,
        ...groupUpdate,
        updatedAt: now,
      })
      .where(and(eq(enrollments.id, existing.id), ne(enrollments.status, 'active')))
      .returning();
    if (updated === undefined) {
      if (retried) throw new Error(`reactivation of enrollment ${existing.id} conflicted twice`);
      return enrollWithin(tx, input, now, true);
    }
    enrollment = updated;
  }

  await recordAudit(
    tx,
    {
      actorId: input.actorId ?? null,
      action: 'enroll',
      subjectUserId: input.userId,
      courseSlug: input.courseSlug,
      detail: {
        source: input.source,
        ...(existing === null ? {} : { reactivatedFrom: existing.status }),
        ...(input.partnerGroup ? { partnerGroup: input.partnerGroup } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.stripe === undefined
          ? {}
          : {
              checkoutSessionId: input.stripe.checkoutSessionId,
              amountPaid: payment.amountPaid,
              currency: payment.currency,
            }),
      },
    },
    now,
  );
  return { ok: true, value: { enrollment, created: true } };
}

/**
 * Enrolls a learner in a free course on their own say-so. Checking the price here (not only in
 * the page) keeps a crafted POST from enrolling someone in a paid course for nothing.
 *
 * @example
 * const r = await enrollFree(db, user.id, { slug: course.id, price: course.data.price });
 * if (!r.ok && r.error === 'course-not-free') return redirect(`/courses/${course.id}/buy`);
 */
export async function enrollFree(
  db: Db,
  userId: number,
  course: { slug: string; price: { type: string } },
  now: Date = new Date(),
): Promise<Result<EnrollOutcome, 'course-not-free' | 'already-enrolled'>> {
  if (!isFree(course.price)) return { ok: false, error: 'course-not-free' };
  return enroll(db, { userId, courseSlug: course.slug, source: 'free', actorId: userId }, now);
}

/**
 * Takes a learner's access away (status 'revoked'), effective on their next request since every
 * access check reads the row. The row is kept, not deleted, so the payment history survives and
 * a later enroll() can reactivate it.
 *
 * @example
 * const r = await revokeEnrollment(db, { userId: 7, courseSlug: 'texting-for-turnout', actorId: admin.id, reason: 'shared account' });
 * if (!r.ok) showError(r.error); // 'not-enrolled'
 */
export function revokeEnrollment(
  db: Db,
  input: { userId: number; courseSlug: string; actorId: number | null; reason?: string },
  now: Date = new Date(),
): Promise<Result<void, 'not-enrolled'>> {
  return db.write(async (tx): Promise<Result<void, 'not-enrolled'>> => {
    const existing = await getEnrollment(tx, input.userId, input.courseSlug);
    if (existing === null || existing.status !== 'active')
      return { ok: false, error: 'not-enrolled' };
    // Conditional on the row still being active, so of two revocations racing on two servers one
    // changes it (and is audited) and the other finds nothing to revoke.
    const revoked = await tx
      .update(enrollments)
      .set({ status: 'revoked', updatedAt: now })
      .where(and(eq(enrollments.id, existing.id), eq(enrollments.status, 'active')))
      .returning({ id: enrollments.id });
    if (revoked.length === 0) return { ok: false, error: 'not-enrolled' };
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        action: 'revoke',
        subjectUserId: input.userId,
        courseSlug: input.courseSlug,
        ...(input.reason === undefined ? {} : { detail: { reason: input.reason } }),
      },
      now,
    );
    return { ok: true, value: undefined };
  });
}

/**
 * The learner's active enrollments, most recently (re)activated first: a course bought back
 * after a refund belongs at the top of "My courses" like a new one.
 *
 * @example
 * const courses = (await listEnrollmentsForUser(db, user.id)).map((e) => e.courseSlug);
 */
export async function listEnrollmentsForUser(db: Db, userId: number): Promise<EnrollmentRow[]> {
  return db.read
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.status, 'active')))
    .orderBy(
      desc(sql`coalesce(${enrollments.updatedAt}, ${enrollments.createdAt})`),
      desc(enrollments.id),
    );
}
