import { and, eq, ne } from 'drizzle-orm';
import type Stripe from 'stripe';
import { recordAudit } from '~/lib/audit/audit-log';
import type { Db, Query } from '~/lib/db';
import { enrollments, stripeEvents } from '~db/schema';
import {
  checkoutFacts,
  fulfilWithin,
  type CheckoutFacts,
  type FulfilmentOutcome,
} from './fulfilment';

/** What handling an event did; the webhook endpoint sends the confirmation e-mail on 'granted'. */
export type EventOutcome =
  | { kind: 'duplicate' }
  | { kind: 'ignored' }
  | { kind: 'checkout'; outcome: FulfilmentOutcome; facts: CheckoutFacts }
  | { kind: 'payment-failed'; facts: CheckoutFacts | null }
  | { kind: 'refund'; full: boolean; matched: boolean }
  | { kind: 'dispute'; matched: boolean };

const intentOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === 'string' ? value : (value?.id ?? null);

/**
 * Applies one verified Stripe event. The event id is recorded in the same transaction as its
 * effect, so a duplicate delivery (Stripe retries, or sends the same event twice at once) is
 * acknowledged and changes nothing, and a failure leaves nothing half-written for the retry.
 */
export function handleStripeEvent(
  db: Db,
  event: Stripe.Event,
  now: Date = new Date(),
): Promise<EventOutcome> {
  return db.write(async (tx) => {
    const paymentIntentId = paymentIntentOf(event);
    const [recorded] = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, paymentIntentId, processedAt: now })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (!recorded) return { kind: 'duplicate' } as const;
    const outcome = await apply(tx, event, now);
    await tx
      .update(stripeEvents)
      .set({ detail: JSON.stringify(detailOf(outcome)) })
      .where(eq(stripeEvents.id, event.id));
    return outcome;
  });
}

function paymentIntentOf(event: Stripe.Event): string | null {
  const object = event.data.object as {
    object?: string;
    payment_intent?: string | { id: string } | null;
  };
  return intentOf(object.payment_intent);
}

function detailOf(outcome: EventOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'checkout':
      return {
        outcome: outcome.outcome,
        userId: outcome.facts.userId,
        courseSlug: outcome.facts.courseSlug,
        amountPaid: outcome.facts.amountPaid,
        currency: outcome.facts.currency,
        promotionCode: outcome.facts.promotionCode,
      };
    case 'refund':
      return { full: outcome.full, matched: outcome.matched };
    default:
      return { outcome: outcome.kind };
  }
}

async function apply(tx: Query, event: Stripe.Event, now: Date): Promise<EventOutcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const facts = checkoutFacts(event.data.object);
      if (!facts) return { kind: 'ignored' };
      // 'completed' with payment_status 'unpaid' is a delayed method (a bank debit): wait for
      // async_payment_succeeded or _failed.
      return { kind: 'checkout', outcome: await fulfilWithin(tx, facts, now), facts };
    }
    case 'checkout.session.async_payment_failed':
      return { kind: 'payment-failed', facts: checkoutFacts(event.data.object) };
    case 'charge.refunded':
      return refund(tx, event.data.object, now);
    case 'charge.dispute.created':
      return dispute(tx, event.data.object, now);
    default:
      return { kind: 'ignored' };
  }
}

/**
 * A full refund ends access (status 'refunded'); a partial one is recorded and access stays.
 * Refunds only ever grow, so an older refund event arriving late cannot lower the amount.
 */
async function refund(tx: Query, charge: Stripe.Charge, now: Date): Promise<EventOutcome> {
  const full = charge.refunded || charge.amount_refunded >= charge.amount;
  const intent = intentOf(charge.payment_intent);
  const [row] = intent
    ? await tx
        .select()
        .from(enrollments)
        .where(eq(enrollments.stripePaymentIntentId, intent))
        .limit(1)
    : [];
  if (!row) return { kind: 'refund', full, matched: false };
  const amountRefunded = Math.max(row.amountRefunded ?? 0, charge.amount_refunded);
  await tx
    .update(enrollments)
    .set({ amountRefunded, updatedAt: now })
    .where(eq(enrollments.id, row.id));
  if (full) {
    const ended = await tx
      .update(enrollments)
      .set({ status: 'refunded', updatedAt: now })
      .where(and(eq(enrollments.id, row.id), ne(enrollments.status, 'refunded')))
      .returning({ id: enrollments.id });
    if (ended.length)
      await recordAudit(
        tx,
        {
          actorId: null,
          action: 'payment.refunded',
          subjectUserId: row.userId,
          courseSlug: row.courseSlug,
          detail: { paymentIntentId: intent, amountRefunded },
        },
        now,
      );
  } else {
    await recordAudit(
      tx,
      {
        actorId: null,
        action: 'payment.partly-refunded',
        subjectUserId: row.userId,
        courseSlug: row.courseSlug,
        detail: { paymentIntentId: intent, amountRefunded },
      },
      now,
    );
  }
  return { kind: 'refund', full, matched: true };
}

/** A chargeback is flagged for admins (and audited); access is theirs to decide. */
async function dispute(tx: Query, dispute: Stripe.Dispute, now: Date): Promise<EventOutcome> {
  const intent = intentOf(dispute.payment_intent);
  const [row] = intent
    ? await tx
        .select()
        .from(enrollments)
        .where(eq(enrollments.stripePaymentIntentId, intent))
        .limit(1)
    : [];
  if (!row) return { kind: 'dispute', matched: false };
  if (row.disputedAt === null)
    await tx.update(enrollments).set({ disputedAt: now }).where(eq(enrollments.id, row.id));
  await recordAudit(
    tx,
    {
      actorId: null,
      action: 'payment.disputed',
      subjectUserId: row.userId,
      courseSlug: row.courseSlug,
      detail: { disputeId: dispute.id, amount: dispute.amount, reason: dispute.reason },
    },
    now,
  );
  return { kind: 'dispute', matched: true };
}
