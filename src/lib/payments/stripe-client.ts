import Stripe from 'stripe';

/**
 * Stripe, configured from the environment, or off. Off (no secret key) is a real mode: paid
 * courses say that online payment is not set up, and admins enroll people by hand.
 */
export type Payments =
  { enabled: false } | { enabled: true; stripe: Stripe; webhookSecret: string };

export interface StripeSettings {
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  /** Another server that speaks Stripe's API (stripe-mock, the tests' own); unset in production. */
  STRIPE_API_BASE?: string | undefined;
}

/**
 * @example paymentsFrom({}).enabled // false
 * @example paymentsFrom({ STRIPE_SECRET_KEY: 'sk_live_…' }) // throws: a key without a webhook secret would take money and never grant access
 */
export function paymentsFrom(settings: StripeSettings): Payments {
  const key = settings.STRIPE_SECRET_KEY?.trim();
  if (!key) return { enabled: false };
  const webhookSecret = settings.STRIPE_WEBHOOK_SECRET?.trim();
  if (!webhookSecret) {
    throw new Error(
      'STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: without it no payment could be confirmed, so learners would pay and not get access. Set the signing secret of the webhook endpoint /api/stripe/webhook, or unset STRIPE_SECRET_KEY.',
    );
  }
  const stripe = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...apiBase(settings.STRIPE_API_BASE),
  });
  return { enabled: true, stripe, webhookSecret };
}

function apiBase(value: string | undefined): {
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
} {
  if (!value?.trim()) return {};
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `STRIPE_API_BASE must be a URL such as http://127.0.0.1:12111, not "${value}".`,
    );
  }
  const protocol = url.protocol === 'http:' ? 'http' : url.protocol === 'https:' ? 'https' : null;
  if (!protocol) throw new Error(`STRIPE_API_BASE must use http or https, not "${url.protocol}".`);
  return {
    host: url.hostname,
    port: Number(url.port || (protocol === 'http' ? 80 : 443)),
    protocol,
  };
}
