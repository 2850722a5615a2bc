// Every fixed port of the end-to-end run moves by E2E_PORT_OFFSET, so two checkouts can run their
// suites side by side on one machine.
export const E2E_PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const e2ePort = (port: number): number => port + E2E_PORT_OFFSET;
// The end-to-end server takes payments through the fake Stripe API (tests/stripe/fake-stripe.ts),
// which Playwright starts beside it. Shared by playwright.config.ts and the payment tests.
export const STRIPE_FAKE_PORT = Number(process.env.STRIPE_FAKE_PORT ?? e2ePort(12111));
export const STRIPE_FAKE_URL = `http://127.0.0.1:${STRIPE_FAKE_PORT}`;
export const STRIPE_SECRET_KEY = 'sk_test_botcamp_e2e';
export const STRIPE_WEBHOOK_SECRET = 'whsec_botcamp_e2e_signing_secret';
// E-mail goes over real SMTP to tests/mail/smtp-sink.ts, which Playwright also starts.
export const MAIL_SINK_PORT = Number(process.env.MAIL_SINK_PORT ?? e2ePort(2526));
