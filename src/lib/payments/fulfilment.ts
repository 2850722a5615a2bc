import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { recordAudit } from '~/lib/audit/audit-log';
import type { Db, Query } from '~/lib/db';
import { enrollWithin, getEnrollment } from '~/lib/enrollment/enrollment';
import { stripeEvents } from '~db/schema';

/** What Botcamp needs from a Stripe Checkout Session, checked. */
export interface CheckoutFacts {
  sessionId: string;
  userId: number;
  courseSlug: string;
  paid: boolean;
  paymentIntentId: string | null;
  amountPaid: number | null;
  currency: string | null;
  promotionCode: string | null;
}

/**
 * Reads a Checkout Session as Stripe sends it (webhook) or returns it (success page). Null when
 * it was not made by Botcamp (no user and course in its metadata).
 */
export function checkoutFacts(session: Stripe.Checkout.Session): CheckoutFacts | null {
  const userId = Number(session.metadata?.userId);
  const courseSlug = session.metadata?.courseSlug;
  if (!Number.isInteger(userId) || userId <= 0 || !courseSlug) return null;
  const intent = session.payment_intent;
  const discount = session.discounts?.find((d) => d.promotion_code)?.promotion_code;
  return {
    sessionId: session.id,
    userId,
    courseSlug,
    paid: session.payment_status === 'paid' || session.payment_status === 'no_payment_required',
    paymentIntentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
    amountPaid: session.amount_total ?? null,
    currency: session.currency ?? null,
    promotionCode: typeof discount === 'string' ? discount : (discount?.code ?? null),
  };
}

export type FulfilmentOutcome =
  'granted' | 'already-granted' | 'not-paid' | 'refunded' | 'second-payment';

/**
 * Grants the course for a paid Checkout Session, inside the caller's transaction. The one
 * fulfilment function: the webhook and the success page both call it, so whichever comes first
 * grants access and the other finds it done. A session refunded meanwhile is never granted again
 * (events arrive out of order; a late "completed" must not undo a refund).
 */
export async function fulfilWithin(
  tx: Query,
  facts: CheckoutFacts,
  now: Date,
): Promise<FulfilmentOutcome> {
  if (!facts.paid) return 'not-paid';
  const existing = await getEnrollment(tx, facts.userId, facts.courseSlug);
  if (existing?.stripeCheckoutSessionId === facts.sessionId && existing.status !== 'active')
    return 'refunded';
  if (facts.paymentIntentId && (await fullyRefunded(tx, facts.paymentIntentId))) return 'refunded';
  const result = await enrollWithin(
    tx,
    {
      userId: facts.userId,
      courseSlug: facts.courseSlug,
      source: 'stripe',
      actorId: null,
      stripe: {
        checkoutSessionId: facts.sessionId,
        paymentIntentId: facts.paymentIntentId,
        amountPaid: facts.amountPaid,
        currency: facts.currency,
        promotionCode: facts.promotionCode,
      },
    },
    now,
  );
  if (!result.ok) {
    // Paid twice for a course they already have: keep the record for an admin to refund.
    await recordAudit(
      tx,
      {
        actorId: null,
        action: 'payment.duplicate',
        subjectUserId: facts.userId,
        courseSlug: facts.courseSlug,
        detail: {
          checkoutSessionId: facts.sessionId,
          amountPaid: facts.amountPaid,
          currency: facts.currency,
        },
      },
      now,
    );
    return 'second-payment';
  }
  return result.value.created ? 'granted' : 'already-granted';
}

/** Has a full refund of this payment already been recorded (by an earlier webhook)? */
async function fullyRefunded(tx: Query, paymentIntentId: string): Promise<boolean> {
  const rows = await tx
    .select({ detail: stripeEvents.detail })
    .from(stripeEvents)
    .where(
      and(
        eq(stripeEvents.paymentIntentId, paymentIntentId),
        eq(stripeEvents.type, 'charge.refunded'),
      ),
    );
  return rows.some((r) => (JSON.parse(r.detail ?? '{}') as { full?: boolean }).full === true);
}

/**
 * The success page's call: the learner is back from Stripe, perhaps before the webhook. Grants
 * access now if Stripe says the session is paid.
 */
export function fulfilCheckout(
  db: Db,
  facts: CheckoutFacts,
  now: Date = new Date(),
): Promise<FulfilmentOutcome> {
  return db.write((tx) => fulfilWithin(tx, facts, now));
}
