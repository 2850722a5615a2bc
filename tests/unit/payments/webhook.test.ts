import Stripe from 'stripe';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '~/lib/db';
import { getEnrollment } from '~/lib/enrollment/enrollment';
import { checkoutFacts, fulfilCheckout, type FulfilmentOutcome } from '~/lib/payments/fulfilment';
import { handleStripeEvent, type EventOutcome } from '~/lib/payments/webhook';
import { auditLog, enrollments, stripeEvents } from '~db/schema';
import { freshDb } from '../fixtures';
import { createUser, race } from '../progress/fixtures';

// Events are signed and verified with the real Stripe SDK, as the webhook endpoint does.
const SECRET = 'whsec_unit_test_secret';
const stripe = new Stripe('sk_test_unit');
let sequence = 0;

function signed(
  type: string,
  object: Record<string, unknown>,
  id = `evt_test_${++sequence}`,
): Stripe.Event {
  const payload = JSON.stringify({
    id,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: 1_790_000_000 + sequence,
    livemode: false,
    pending_webhooks: 1,
    request: null,
    data: { object },
  });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return stripe.webhooks.constructEvent(payload, header, SECRET);
}

const COURSE = 'texting-for-turnout';
let db: Db;
let userId: number;
beforeEach(async () => {
  db = await freshDb();
  userId = (await createUser(db)).id;
});

function session(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cs_test_1',
    object: 'checkout.session',
    status: 'complete',
    payment_status: 'paid',
    payment_intent: 'pi_test_1',
    amount_total: 4900,
    currency: 'usd',
    metadata: { userId: String(userId), courseSlug: COURSE },
    discounts: [{ promotion_code: 'promo_partner', coupon: null }],
    ...overrides,
  };
}

const charge = (refunded: number, amount = 4900) => ({
  id: 'ch_test_1',
  object: 'charge',
  amount,
  amount_refunded: refunded,
  refunded: refunded >= amount,
  payment_intent: 'pi_test_1',
});

describe('Stripe webhook events', () => {
  it('refuses a forged or tampered event before anything is read', () => {
    const payload = JSON.stringify({
      id: 'evt_forged',
      type: 'checkout.session.completed',
      data: { object: session() },
    });
    expect(() =>
      stripe.webhooks.constructEvent(
        payload,
        stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' }),
        SECRET,
      ),
    ).toThrow();
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect(() =>
      stripe.webhooks.constructEvent(payload.replace('4900', '1'), header, SECRET),
    ).toThrow();
  });

  it('grants a paid checkout, with the payment recorded on the enrollment', async () => {
    const outcome = await handleStripeEvent(db, signed('checkout.session.completed', session()));
    expect(outcome).toMatchObject({ kind: 'checkout', outcome: 'granted' });
    expect(await getEnrollment(db.read, userId, COURSE)).toMatchObject({
      status: 'active',
      source: 'stripe',
      stripeCheckoutSessionId: 'cs_test_1',
      stripePaymentIntentId: 'pi_test_1',
      amountPaid: 4900,
      currency: 'usd',
      promotionCode: 'promo_partner',
    });
  });

  it('makes one enrollment from the same event delivered 20 times at once, and tells only one delivery to send the e-mail', async () => {
    const event = signed('checkout.session.completed', session());
    const outcomes = await race(
      db,
      Array.from({ length: 20 }, () => () => handleStripeEvent(db, event)),
    );
    expect(outcomes.filter((o) => o.kind === 'checkout' && o.outcome === 'granted')).toHaveLength(
      1,
    );
    expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(19);
    expect(await db.read.select().from(enrollments)).toHaveLength(1);
    expect(await db.read.select().from(stripeEvents)).toHaveLength(1);
    expect(
      (await db.read.select().from(auditLog)).filter((a) => a.action === 'enroll'),
    ).toHaveLength(1);
  });

  it('grants once whether the success page or the webhook comes first', async () => {
    const facts = checkoutFacts(session() as unknown as Stripe.Checkout.Session)!;
    const [page, hook] = await race<FulfilmentOutcome | EventOutcome>(db, [
      () => fulfilCheckout(db, facts),
      () => handleStripeEvent(db, signed('checkout.session.completed', session())),
    ]);
    const granted = [
      page === 'granted',
      (hook as Extract<EventOutcome, { kind: 'checkout' }>).outcome === 'granted',
    ];
    expect(granted.filter(Boolean)).toHaveLength(1);
    expect(await db.read.select().from(enrollments)).toHaveLength(1);
  });

  it('waits for a delayed payment method, grants when it succeeds, and never when it fails', async () => {
    const pending = session({ payment_status: 'unpaid' });
    expect(
      await handleStripeEvent(db, signed('checkout.session.completed', pending)),
    ).toMatchObject({ kind: 'checkout', outcome: 'not-paid' });
    expect(await getEnrollment(db.read, userId, COURSE)).toBeNull();
    expect(
      await handleStripeEvent(db, signed('checkout.session.async_payment_failed', pending)),
    ).toMatchObject({ kind: 'payment-failed' });
    expect(await getEnrollment(db.read, userId, COURSE)).toBeNull();
    expect(
      await handleStripeEvent(
        db,
        signed(
          'checkout.session.async_payment_succeeded',
          session({ id: 'cs_test_2', payment_intent: 'pi_test_2' }),
        ),
      ),
    ).toMatchObject({ outcome: 'granted' });
    expect((await getEnrollment(db.read, userId, COURSE))?.status).toBe('active');
  });

  it('ends access on a full refund, and keeps it on a partial one', async () => {
    await handleStripeEvent(db, signed('checkout.session.completed', session()));
    expect(await handleStripeEvent(db, signed('charge.refunded', charge(1000)))).toEqual({
      kind: 'refund',
      full: false,
      matched: true,
    });
    expect(await getEnrollment(db.read, userId, COURSE)).toMatchObject({
      status: 'active',
      amountRefunded: 1000,
    });
    expect(await handleStripeEvent(db, signed('charge.refunded', charge(4900)))).toEqual({
      kind: 'refund',
      full: true,
      matched: true,
    });
    expect(await getEnrollment(db.read, userId, COURSE)).toMatchObject({
      status: 'refunded',
      amountRefunded: 4900,
    });
    const actions = (await db.read.select().from(auditLog).orderBy(auditLog.id)).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['enroll', 'payment.partly-refunded', 'payment.refunded']);
  });

  it('never lets an older event undo a newer one', async () => {
    const completed = signed('checkout.session.completed', session());
    const partial = signed('charge.refunded', charge(1000));
    const full = signed('charge.refunded', charge(4900));
    // The full refund arrives before the partial one, and before the completion itself.
    await handleStripeEvent(db, full);
    await handleStripeEvent(db, completed);
    await handleStripeEvent(db, partial);
    expect(await getEnrollment(db.read, userId, COURSE)).toBeNull();
    // And a completion redelivered after a refund does not re-grant.
    const db2 = await freshDb();
    userId = (await createUser(db2)).id;
    await handleStripeEvent(
      db2,
      signed(
        'checkout.session.completed',
        session({ metadata: { userId: String(userId), courseSlug: COURSE } }),
      ),
    );
    await handleStripeEvent(db2, signed('charge.refunded', charge(4900)));
    await handleStripeEvent(db2, signed('charge.refunded', charge(1000)));
    expect(
      await handleStripeEvent(
        db2,
        signed(
          'checkout.session.async_payment_succeeded',
          session({ metadata: { userId: String(userId), courseSlug: COURSE } }),
        ),
      ),
    ).toMatchObject({ outcome: 'refunded' });
    expect(await getEnrollment(db2.read, userId, COURSE)).toMatchObject({
      status: 'refunded',
      amountRefunded: 4900,
    });
    expect(
      await fulfilCheckout(
        db2,
        checkoutFacts(
          session({
            metadata: { userId: String(userId), courseSlug: COURSE },
          }) as unknown as Stripe.Checkout.Session,
        )!,
      ),
    ).toBe('refunded');
  });

  it('flags a dispute for admins and keeps access', async () => {
    await handleStripeEvent(db, signed('checkout.session.completed', session()));
    expect(
      await handleStripeEvent(
        db,
        signed('charge.dispute.created', {
          id: 'dp_1',
          object: 'dispute',
          amount: 4900,
          reason: 'fraudulent',
          payment_intent: 'pi_test_1',
        }),
      ),
    ).toEqual({ kind: 'dispute', matched: true });
    const row = await getEnrollment(db.read, userId, COURSE);
    expect(row?.status).toBe('active');
    expect(row?.disputedAt).toBeInstanceOf(Date);
    expect(
      await db.read.select().from(auditLog).where(eq(auditLog.action, 'payment.disputed')),
    ).toHaveLength(1);
  });

  it('acknowledges other events and sessions Botcamp did not make, changing nothing', async () => {
    expect(
      await handleStripeEvent(db, signed('customer.created', { id: 'cus_1', object: 'customer' })),
    ).toEqual({ kind: 'ignored' });
    expect(
      await handleStripeEvent(db, signed('checkout.session.completed', session({ metadata: {} }))),
    ).toEqual({ kind: 'ignored' });
    expect(await db.read.select().from(enrollments)).toHaveLength(0);
  });

  it('records a second payment for a course already owned, for an admin to refund', async () => {
    await handleStripeEvent(db, signed('checkout.session.completed', session()));
    const second = await handleStripeEvent(
      db,
      signed(
        'checkout.session.completed',
        session({ id: 'cs_test_again', payment_intent: 'pi_test_again' }),
      ),
    );
    expect(second).toMatchObject({ kind: 'checkout', outcome: 'second-payment' });
    expect(await db.read.select().from(enrollments)).toHaveLength(1);
    expect(
      await db.read.select().from(auditLog).where(eq(auditLog.action, 'payment.duplicate')),
    ).toHaveLength(1);
  });
});
