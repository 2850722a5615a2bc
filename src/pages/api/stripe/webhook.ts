import type { APIRoute } from 'astro';
import { getDb, payments } from '~/server/runtime';
import { handleStripeEvent } from '~/lib/payments/webhook';
import { sendPurchaseEmail } from '~/server/purchase';

/** Stripe's events are a few kilobytes; anything near this is not from Stripe. */
const MAX_BODY = 256 * 1024;

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/**
 * Stripe's webhook. The signature is checked against the raw body before anything is parsed or
 * written (400 otherwise). Each event is applied in one transaction with its id recorded, so a
 * repeat is acknowledged and ignored; a failure answers 500 so Stripe retries, with nothing
 * half-written. JSON posts are outside Astro's origin check, which is right for this endpoint.
 */
export const POST: APIRoute = async ({ request }) => {
  if (!payments.enabled) return text(404, 'Payments are not configured.');
  const signature = request.headers.get('stripe-signature');
  if (!signature) return text(400, 'Missing Stripe-Signature header.');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY)
    return text(413, 'Body too large.');
  const raw = await request.arrayBuffer();
  if (raw.byteLength > MAX_BODY) return text(413, 'Body too large.');
  let event;
  try {
    event = await payments.stripe.webhooks.constructEventAsync(
      Buffer.from(raw),
      signature,
      payments.webhookSecret,
    );
  } catch {
    return text(400, 'Invalid signature.');
  }
  try {
    const db = await getDb();
    const outcome = await handleStripeEvent(db, event);
    if (outcome.kind === 'checkout' && outcome.outcome === 'granted')
      await sendPurchaseEmail(db, outcome.facts);
    return text(200, outcome.kind === 'duplicate' ? 'Already processed.' : 'OK');
  } catch (error) {
    console.error(
      `botcamp: stripe event ${event.id} (${event.type}) failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return text(500, 'Could not process the event; Stripe will retry.');
  }
};
