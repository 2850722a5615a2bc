// Runs the fake Stripe API (see fake-stripe.ts) for the end-to-end suite, on STRIPE_FAKE_PORT.
import { startFakeStripe } from './fake-stripe';

const fake = await startFakeStripe(Number(process.env.STRIPE_FAKE_PORT ?? 12111));
console.log(`fake stripe on ${fake.url}`);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
