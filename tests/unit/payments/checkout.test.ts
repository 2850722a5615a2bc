import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckout, type CheckoutRequest } from '~/lib/payments/checkout';
import { paymentsFrom } from '~/lib/payments/stripe-client';
import { startFakeStripe, type FakeStripe } from '../../stripe/fake-stripe';

// The real Stripe SDK, pointed at a local server that answers Stripe's API (see fake-stripe.ts).
let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(() => fake.close());

const stripeAt = (base: string) => {
  const payments = paymentsFrom({
    STRIPE_SECRET_KEY: 'sk_test_unit',
    STRIPE_WEBHOOK_SECRET: 'whsec_unit',
    STRIPE_API_BASE: base,
  });
  if (!payments.enabled) throw new Error('payments should be on');
  return payments.stripe;
};

const request: CheckoutRequest = {
  userId: 7,
  email: 'ada@example.org',
  courseSlug: 'texting-for-turnout',
  courseTitle: 'Texting for turnout',
  amount: { minor: 4900, currency: 'usd' },
  locale: 'es',
  siteUrl: 'https://botcamp.example/',
  nonce: 'nonce-123456',
};

describe('paymentsFrom', () => {
  it('is off without a key, and refuses a key without a webhook secret', () => {
    expect(paymentsFrom({})).toEqual({ enabled: false });
    expect(() => paymentsFrom({ STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(
      /STRIPE_WEBHOOK_SECRET is not/,
    );
    expect(() =>
      paymentsFrom({
        STRIPE_SECRET_KEY: 'sk_test_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_x',
        STRIPE_API_BASE: 'ftp://x',
      }),
    ).toThrow(/http or https/);
  });
});

describe('createCheckout', () => {
  it('creates a payment-mode session for the course at the chosen amount, with everything Stripe needs', async () => {
    const created = await createCheckout(stripeAt(fake.url), request);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.url).toBe(`${fake.url}/pay/${created.value.sessionId}`);
    const sent = fake.requests.findLast((r) => r.path === '/v1/checkout/sessions')!;
    expect(sent.body).toMatchObject({
      mode: 'payment',
      customer_email: 'ada@example.org',
      client_reference_id: '7',
      allow_promotion_codes: 'true',
      locale: 'es',
      metadata: { userId: '7', courseSlug: 'texting-for-turnout' },
      payment_intent_data: { metadata: { userId: '7', courseSlug: 'texting-for-turnout' } },
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'usd',
            unit_amount: '4900',
            product_data: { name: 'Texting for turnout' },
          },
        },
      ],
      success_url:
        'https://botcamp.example/es/courses/texting-for-turnout/purchased?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://botcamp.example/es/courses/texting-for-turnout?checkout=cancelled',
    });
    expect(sent.idempotencyKey).toMatch(/^checkout-[0-9a-f]{64}$/);
  });

  it('reuses one session for a double-submitted form, and makes a new one for a new form', async () => {
    const stripe = stripeAt(fake.url);
    const first = await createCheckout(stripe, { ...request, nonce: 'same-form-1' });
    const again = await createCheckout(stripe, { ...request, nonce: 'same-form-1' });
    const other = await createCheckout(stripe, { ...request, nonce: 'another-form' });
    expect(first.ok && again.ok && first.value.sessionId === again.value.sessionId).toBe(true);
    expect(first.ok && other.ok && first.value.sessionId !== other.value.sessionId).toBe(true);
  });

  it('says the payment service is unreachable when Stripe is down, and creates nothing', async () => {
    const down = await startFakeStripe();
    const url = down.url;
    await down.close();
    const before = fake.sessions.size;
    expect(await createCheckout(stripeAt(url), request)).toEqual({
      ok: false,
      error: 'payments-unreachable',
    });
    expect(fake.sessions.size).toBe(before);
  }, 60_000);

  it('reports a refusal when Stripe rejects the request', async () => {
    expect(
      await createCheckout(stripeAt(fake.url), {
        ...request,
        amount: { minor: 10, currency: 'usd' },
      }),
    ).toEqual({ ok: false, error: 'payments-refused' });
  });
});
