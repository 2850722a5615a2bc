import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '~/lib/db';
import { formatMoney } from '~/lib/i18n/format';
import { localePath } from '~/lib/i18n/locales';
import { purchaseEmail } from '~/lib/mail/templates';
import { checkoutFacts, fulfilCheckout, type CheckoutFacts } from '~/lib/payments/fulfilment';
import { users } from '~db/schema';
import { getCurriculum } from './catalog';
import { getDb, getMailer, payments, siteUrl } from './runtime';

/**
 * The purchase confirmation, in the learner's language, sent once by whichever of the webhook
 * and the success page granted access. A failed delivery is recorded by the mailer and does not
 * undo the enrollment.
 */
export async function sendPurchaseEmail(db: Db, facts: CheckoutFacts): Promise<void> {
  const [user] = await db.read
    .select({ email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(eq(users.id, facts.userId))
    .limit(1);
  const curriculum = user && (await getCurriculum(facts.courseSlug, user.locale));
  if (!user || !curriculum) return;
  const first = curriculum.lessons[0];
  const path = localePath(
    user.locale,
    first ? `/courses/${curriculum.slug}/lessons/${first.slug}` : `/courses/${curriculum.slug}`,
  );
  const amount =
    facts.amountPaid !== null && facts.currency
      ? formatMoney(user.locale, facts.amountPaid / 100, facts.currency.toUpperCase())
      : '';
  const content = purchaseEmail(user.locale, {
    name: user.displayName,
    course: curriculum.course.title,
    amount,
    url: `${siteUrl}${path}`,
  });
  await (
    await getMailer()
  )
    .send({ to: user.email, ...content })
    .catch((error: unknown) =>
      console.warn(`botcamp: purchase e-mail to user ${facts.userId} failed: ${String(error)}`),
    );
}

/** A Checkout Session from Stripe, or why it could not be had. */
export async function retrieveCheckout(
  stripe: Stripe,
  sessionId: string,
): Promise<
  | { ok: true; session: Stripe.Checkout.Session }
  | { ok: false; error: 'payments-unreachable' | 'not-found' }
> {
  if (!/^cs_[A-Za-z0-9_]{1,200}$/.test(sessionId)) return { ok: false, error: 'not-found' };
  try {
    return { ok: true, session: await stripe.checkout.sessions.retrieve(sessionId) };
  } catch (error) {
    const type = (error as { type?: string }).type;
    return {
      ok: false,
      error: type === 'StripeInvalidRequestError' ? 'not-found' : 'payments-unreachable',
    };
  }
}

export type CheckoutReturn =
  | 'granted'
  | 'processing'
  | 'not-paid'
  | 'refunded'
  | 'checkout-not-yours'
  | 'payments-off'
  | 'payments-unreachable'
  | 'not-found';

/**
 * The learner is back from Stripe's page. Asks Stripe for the session (never trusting the URL
 * alone) and, when it is paid and theirs, grants access at once: the webhook may not have
 * arrived yet.
 */
export async function returnFromCheckout(
  userId: number,
  courseSlug: string,
  sessionId: string,
): Promise<CheckoutReturn> {
  if (!payments.enabled) return 'payments-off';
  const found = await retrieveCheckout(payments.stripe, sessionId);
  if (!found.ok) return found.error;
  const facts = checkoutFacts(found.session);
  if (!facts || facts.courseSlug !== courseSlug) return 'not-found';
  if (facts.userId !== userId) return 'checkout-not-yours';
  if (!facts.paid) return found.session.status === 'complete' ? 'processing' : 'not-paid';
  const db = await getDb();
  const outcome = await fulfilCheckout(db, facts);
  if (outcome === 'granted') await sendPurchaseEmail(db, facts);
  return outcome === 'refunded' ? 'refunded' : outcome === 'not-paid' ? 'not-paid' : 'granted';
}
