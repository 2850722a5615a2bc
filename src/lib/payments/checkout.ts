import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type Stripe from 'stripe';
import { absoluteUrl, type Locale } from '~/lib/i18n/locales';
import type { Result } from '~/lib/result';
import type { ChosenAmount } from './amount';

export interface CheckoutRequest {
  userId: number;
  email: string;
  courseSlug: string;
  courseTitle: string;
  amount: ChosenAmount;
  locale: Locale;
  /** The site's public origin, e.g. 'https://botcamp.example'. */
  siteUrl: string;
  /** A random value from the form: a double-click on "Pay" reuses the same Checkout Session. */
  nonce: string;
}

export type CheckoutError = 'payments-unreachable' | 'payments-refused';

/** Where Stripe sends the learner back; Stripe fills in {CHECKOUT_SESSION_ID}. */
export function returnUrls(
  siteUrl: string,
  locale: Locale,
  courseSlug: string,
): { success: string; cancel: string } {
  return {
    success: `${absoluteUrl(siteUrl, locale, `/courses/${courseSlug}/purchased`)}?session_id={CHECKOUT_SESSION_ID}`,
    cancel: `${absoluteUrl(siteUrl, locale, `/courses/${courseSlug}`)}?checkout=cancelled`,
  };
}

/**
 * Creates a Stripe Checkout Session for one course at the chosen amount and returns the hosted
 * page to send the learner to. Nothing is stored: access comes only from fulfilment, once Stripe
 * says the session is paid. Promotion codes are allowed, which is how partner groups get their
 * price (codes made in the Stripe dashboard).
 */
export async function createCheckout(
  stripe: Stripe,
  request: CheckoutRequest,
): Promise<Result<{ url: string; sessionId: string }, CheckoutError>> {
  const urls = returnUrls(request.siteUrl, request.locale, request.courseSlug);
  const metadata = { userId: String(request.userId), courseSlug: request.courseSlug };
  const key = encodeHexLowerCase(
    sha256(
      new TextEncoder().encode(
        [
          request.userId,
          request.courseSlug,
          request.amount.minor,
          request.amount.currency,
          request.nonce,
        ].join('|'),
      ),
    ),
  );
  try {
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.amount.currency,
              unit_amount: request.amount.minor,
              product_data: { name: request.courseTitle },
            },
          },
        ],
        customer_email: request.email,
        client_reference_id: String(request.userId),
        metadata,
        payment_intent_data: { metadata },
        allow_promotion_codes: true,
        locale: request.locale,
        success_url: urls.success,
        cancel_url: urls.cancel,
      },
      { idempotencyKey: `checkout-${key}` },
    );
    if (!session.url) return { ok: false, error: 'payments-refused' };
    return { ok: true, value: { url: session.url, sessionId: session.id } };
  } catch (error) {
    const type = (error as { type?: string }).type;
    return {
      ok: false,
      error:
        type === 'StripeConnectionError' ||
        type === 'StripeAPIError' ||
        type === 'StripeRateLimitError'
          ? 'payments-unreachable'
          : 'payments-refused',
    };
  }
}
