import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A local HTTP server that answers the part of Stripe's API Botcamp uses, the way Stripe does,
 * for tests: the real Stripe SDK is pointed at it (STRIPE_API_BASE, or the SDK's host/port/
 * protocol options). Stripe's own test servers are out of reach here.
 *
 * - POST /v1/checkout/sessions (form-encoded, nested keys like line_items[0][price_data][currency]),
 *   honouring Idempotency-Key; GET /v1/checkout/sessions/:id; Stripe-shaped errors.
 * - A stand-in for the hosted payment page: GET /pay/:id shows it, POST /pay/:id with
 *   outcome=pay|cancel|processing completes or abandons the session and redirects like Stripe.
 * - POST /__test/pay/:id pays a session without a browser (a learner who never comes back).
 */

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  url: string | null;
  success_url: string;
  cancel_url: string;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  allow_promotion_codes: boolean;
  locale: string | null;
  discounts: { promotion_code: string | null; coupon: null }[];
  line_items_for_test: unknown;
}

export interface FakeStripe {
  url: string;
  port: number;
  sessions: Map<string, FakeSession>;
  requests: {
    method: string;
    path: string;
    body: Record<string, unknown>;
    idempotencyKey: string | null;
  }[];
  /** Completes a session as paid (as the hosted page would), optionally with a promotion code. */
  pay(id: string, promotionCode?: string): FakeSession;
  close(): Promise<void>;
}

/** Stripe's form encoding: a[b][0][c]=x → { a: { b: [{ c: 'x' }] } }. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((p) => p !== '');
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = /^\d+$/.test(path[i + 1] ?? '');
      const container = node as Record<string, unknown>;
      if (last) container[part] = value;
      else node = (container[part] ??= nextIsIndex ? [] : {}) as Record<string, unknown>;
    });
  }
  return root;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export async function startFakeStripe(port = 0): Promise<FakeStripe> {
  const sessions = new Map<string, FakeSession>();
  const requests: FakeStripe['requests'] = [];
  const idempotent = new Map<string, string>();
  let base = '';

  const pay = (sessionId: string, promotionCode?: string): FakeSession => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    Object.assign(session, {
      status: 'complete',
      payment_status: 'paid',
      payment_intent: session.payment_intent ?? id('pi'),
      url: null,
    });
    if (promotionCode) session.discounts = [{ promotion_code: promotionCode, coupon: null }];
    return session;
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const body = await read(req);
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req') });
      res.end(JSON.stringify(value));
    };
    const stripeError = (status: number, message: string, param?: string) =>
      json(status, {
        error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) },
      });
    const form = req.headers['content-type']?.includes('application/x-www-form-urlencoded')
      ? parseStripeForm(body)
      : {};
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      body: form,
      idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
    });
    if (
      url.pathname.startsWith('/v1/') &&
      !(req.headers.authorization ?? '').startsWith('Bearer sk_')
    )
      return json(401, {
        error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' },
      });

    if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      const key = req.headers['idempotency-key'] as string | undefined;
      const replay = key ? idempotent.get(key) : undefined;
      if (replay) return json(200, sessions.get(replay));
      const items = form.line_items as
        | {
            price_data?: {
              currency?: string;
              unit_amount?: string;
              product_data?: { name?: string };
            };
            quantity?: string;
          }[]
        | undefined;
      const item = items?.[0];
      if (!form.mode) return stripeError(400, 'Missing required param: mode.', 'mode');
      if (!form.success_url)
        return stripeError(400, 'Missing required param: success_url.', 'success_url');
      if (
        !item?.price_data?.currency ||
        !item.price_data.unit_amount ||
        !item.price_data.product_data?.name
      )
        return stripeError(400, 'Missing required param: line_items[0][price_data].', 'line_items');
      const unit = Number(item.price_data.unit_amount);
      if (!Number.isInteger(unit) || unit < 50)
        return stripeError(
          400,
          "The Checkout Session's total amount must convert to at least 50 cents.",
          'line_items[0][price_data][unit_amount]',
        );
      const sessionId = id('cs');
      const session: FakeSession = {
        id: sessionId,
        object: 'checkout.session',
        mode: String(form.mode),
        status: 'open',
        payment_status: 'unpaid',
        url: `${base}/pay/${sessionId}`,
        success_url: String(form.success_url),
        cancel_url: String(form.cancel_url ?? ''),
        amount_total: unit * Number(item.quantity ?? 1),
        currency: item.price_data.currency,
        customer_email: (form.customer_email as string | undefined) ?? null,
        client_reference_id: (form.client_reference_id as string | undefined) ?? null,
        metadata: (form.metadata as Record<string, string> | undefined) ?? {},
        payment_intent: null,
        allow_promotion_codes: form.allow_promotion_codes === 'true',
        locale: (form.locale as string | undefined) ?? null,
        discounts: [],
        line_items_for_test: items,
      };
      sessions.set(sessionId, session);
      if (key) idempotent.set(key, sessionId);
      return json(200, session);
    }
    const retrieve = url.pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)$/);
    if (req.method === 'GET' && retrieve) {
      const session = sessions.get(decodeURIComponent(retrieve[1]!));
      return session
        ? json(200, session)
        : stripeError(404, `No such checkout.session: '${retrieve[1]}'`, 'session');
    }
    const testPay = url.pathname.match(/^\/__test\/pay\/([^/]+)$/);
    if (req.method === 'POST' && testPay) {
      const session = sessions.get(decodeURIComponent(testPay[1]!));
      return session ? json(200, pay(session.id)) : stripeError(404, 'No such checkout.session');
    }
    const page = url.pathname.match(/^\/pay\/([^/]+)$/);
    if (page) {
      const session = sessions.get(decodeURIComponent(page[1]!));
      if (!session || session.status !== 'open') {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('This checkout session is no longer open.');
      }
      if (req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test payment page</title></head><body><main>
<h1>Test payment page</h1><p>Pay ${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}</p>
<form method="post"><label for="promo">Promotion code</label> <input id="promo" name="promo">
<button name="outcome" value="pay">Pay</button> <button name="outcome" value="cancel">Cancel</button></form></main></body></html>`);
      }
      const choice = new URLSearchParams(body);
      if (choice.get('outcome') === 'cancel') {
        res.writeHead(303, { Location: session.cancel_url });
        return res.end();
      }
      if (choice.get('outcome') === 'processing')
        Object.assign(session, { status: 'complete', payment_intent: id('pi'), url: null });
      else pay(session.id, choice.get('promo') || undefined);
      res.writeHead(303, {
        Location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id),
      });
      return res.end();
    }
    stripeError(404, `Unrecognized request URL (${req.method}: ${url.pathname}).`);
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${actual}`;
  return {
    url: base,
    port: actual,
    sessions,
    requests,
    pay,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
