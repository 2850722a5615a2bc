import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Stripe from 'stripe';
import {
  courseLessons,
  coursePath,
  createAccount,
  lessonPath,
  PAID_COURSE,
  withDb,
  type Account,
} from './helpers';
import { STRIPE_FAKE_URL, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } from './stripe-env';

// Buying the pay-what-you-can demo course through the fake Stripe API the test suite runs (the
// real Stripe SDK on both sides; the hosted payment page is the fake's stand-in).
const stripe = new Stripe(STRIPE_SECRET_KEY, {
  host: '127.0.0.1',
  port: new URL(STRIPE_FAKE_URL).port,
  protocol: 'http',
  maxNetworkRetries: 0,
});
const FIRST = courseLessons(PAID_COURSE)[0]!.slug;
/** A lesson of the paid course that is not a free preview. */
const GATED = lessonPath(PAID_COURSE, 'reminder-sequences');

const enrollmentsOf = (email: string) =>
  withDb(
    (db) =>
      db
        .prepare(
          'SELECT e.status, e.amount_paid AS amountPaid, e.stripe_checkout_session_id AS sessionId FROM enrollments e JOIN users u ON u.id = e.user_id WHERE u.email = ? AND e.course_slug = ?',
        )
        .all(email.toLowerCase(), PAID_COURSE) as {
        status: string;
        amountPaid: number;
        sessionId: string;
      }[],
  );
const purchaseEmails = (email: string) =>
  withDb(
    (db) =>
      (
        db
          .prepare('SELECT count(*) AS n FROM email_outbox WHERE "to" = ? AND subject LIKE ?')
          .get(email.toLowerCase(), `You are enrolled in%`) as { n: number }
      ).n,
  );

/** Delivers a Stripe event to the site's webhook, signed as Stripe signs it (or with a wrong secret). */
async function deliver(
  request: APIRequestContext,
  type: string,
  object: unknown,
  options: { id?: string; secret?: string } = {},
) {
  const payload = JSON.stringify({
    id: options.id ?? `evt_e2e_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object },
  });
  const signature = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? STRIPE_WEBHOOK_SECRET,
  });
  return request.post('/api/stripe/webhook', {
    data: payload,
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
  });
}

/** From the course page to Stripe's (stand-in) page, paying `amount` typed into the field, or the suggested one. */
async function startCheckout(page: Page, amount?: string): Promise<void> {
  await page.goto(coursePath(PAID_COURSE));
  const form = page.locator('form#buy');
  if (amount !== undefined) await form.getByLabel('Another amount (USD)').fill(amount);
  await form.getByRole('button', { name: 'Continue to payment' }).click();
}

test.describe('buying a paid course', () => {
  let account: Account;
  test.beforeEach(async ({ page }) => {
    account = await createAccount(page.request);
  });

  test('pick an amount, pay on the hosted page, land in the first lesson; the late webhook changes nothing', async ({
    page,
    request,
  }) => {
    await page.goto(coursePath(PAID_COURSE));
    await expect(page.getByText('Part of an Outreach Partner organization?').first()).toBeVisible();
    const form = page.locator('form#buy');
    await expect(form.getByRole('radio', { name: '$49' })).toBeChecked();
    await form.getByRole('radio', { name: '$98' }).check();
    await form.getByRole('button', { name: 'Continue to payment' }).click();
    await expect(page.getByRole('heading', { name: 'Test payment page' })).toBeVisible();
    await expect(page.getByText('Pay 98.00 USD')).toBeVisible();
    expect(enrollmentsOf(account.email)).toEqual([]);
    await page.getByRole('button', { name: 'Pay' }).click();

    await expect(page).toHaveURL(new RegExp(`${lessonPath(PAID_COURSE, FIRST)}$`));
    expect(enrollmentsOf(account.email)).toEqual([
      expect.objectContaining({ status: 'active', amountPaid: 9800 }),
    ]);
    await expect.poll(() => purchaseEmails(account.email)).toBe(1);

    const session = await stripe.checkout.sessions.retrieve(
      enrollmentsOf(account.email)[0]!.sessionId,
    );
    const event = { id: `evt_late_${session.id}` };
    const deliveries = await Promise.all(
      Array.from({ length: 20 }, () =>
        deliver(request, 'checkout.session.completed', session, event),
      ),
    );
    for (const response of deliveries) expect(response.status()).toBe(200);
    expect(enrollmentsOf(account.email)).toHaveLength(1);
    await page.waitForTimeout(300);
    expect(purchaseEmails(account.email)).toBe(1);
  });

  test('the same webhook 20 times at once grants once and sends one e-mail; a refund ends access', async ({
    page,
    request,
  }) => {
    await startCheckout(page);
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;
    // Paid on Stripe, but the learner never comes back: the webhook alone grants access.
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session.payment_status).toBe('unpaid');
    expect((await request.post(`${STRIPE_FAKE_URL}/__test/pay/${sessionId}`)).status()).toBe(200);
    const paid = await stripe.checkout.sessions.retrieve(sessionId);
    expect(paid.payment_status).toBe('paid');
    const id = `evt_twenty_${sessionId}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        deliver(request, 'checkout.session.completed', paid, { id }),
      ),
    );
    for (const response of responses) expect(response.status()).toBe(200);
    expect(enrollmentsOf(account.email)).toEqual([
      expect.objectContaining({ status: 'active', amountPaid: 4900 }),
    ]);
    await expect.poll(() => purchaseEmails(account.email)).toBe(1);
    expect((await page.goto(GATED))?.status()).toBe(200);

    const refund = await deliver(request, 'charge.refunded', {
      id: 'ch_e2e',
      object: 'charge',
      amount: 4900,
      amount_refunded: 4900,
      refunded: true,
      payment_intent: paid.payment_intent,
    });
    expect(refund.status()).toBe(200);
    expect(enrollmentsOf(account.email)).toEqual([expect.objectContaining({ status: 'refunded' })]);
    expect((await page.goto(GATED))?.status()).toBe(403);
  });

  test('a forged signature is refused and writes nothing', async ({ request }) => {
    const before = withDb(
      (db) => (db.prepare('SELECT count(*) AS n FROM stripe_events').get() as { n: number }).n,
    );
    const forged = await deliver(
      request,
      'checkout.session.completed',
      {
        id: 'cs_forged',
        object: 'checkout.session',
        payment_status: 'paid',
        metadata: { userId: '1', courseSlug: PAID_COURSE },
      },
      { secret: 'whsec_not_ours' },
    );
    expect(forged.status()).toBe(400);
    const unsigned = await request.post('/api/stripe/webhook', {
      data: '{"id":"evt_x"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(unsigned.status()).toBe(400);
    expect(
      withDb(
        (db) => (db.prepare('SELECT count(*) AS n FROM stripe_events').get() as { n: number }).n,
      ),
    ).toBe(before);
  });

  test('under the minimum is refused with a message, the amount kept; cancelling changes nothing', async ({
    page,
  }) => {
    await startCheckout(page, '10');
    await expect(page).toHaveURL(/buy=amount-below-minimum/);
    await expect(page.getByRole('alert')).toHaveText('The lowest price for this course is $15.');
    await expect(page.locator('form#buy').getByLabel('Another amount (USD)')).toHaveValue('10');
    await expect(page.locator('form#buy').getByLabel('Another amount (USD)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await startCheckout(page, '20');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(/checkout=cancelled/);
    await expect(page.getByText('Payment cancelled. Nothing was charged').first()).toBeVisible();
    expect(enrollmentsOf(account.email)).toEqual([]);
  });

  test('a payment still processing gives no access until it succeeds, and none if it fails', async ({
    page,
    request,
  }) => {
    await startCheckout(page);
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Pay' }).evaluate((button) => {
      (button as HTMLButtonElement).value = 'processing';
    });
    await page.getByRole('button', { name: 'Pay' }).click();
    await expect(
      page.getByRole('heading', { name: 'Your payment is being processed' }),
    ).toBeVisible();
    const pending = await stripe.checkout.sessions.retrieve(sessionId);
    await deliver(request, 'checkout.session.completed', pending);
    await deliver(request, 'checkout.session.async_payment_failed', pending);
    expect(enrollmentsOf(account.email)).toEqual([]);
    expect((await page.goto(GATED))?.status()).toBe(403);
  });
});

test('the course page shows the price in Spanish too', async ({ page }) => {
  await createAccount(page.request);
  await page.goto(`/es${coursePath(PAID_COURSE)}`);
  await expect(page.getByRole('button', { name: 'Continuar al pago' }).first()).toBeVisible();
  await expect(page.getByText('Otra cantidad (USD)').first()).toBeVisible();
  await expect(
    page
      .locator('form#buy')
      .getByRole('radio', { name: '49 US$' })
      .or(page.locator('form#buy').getByRole('radio', { name: '$49' })),
  ).toBeChecked();
});
