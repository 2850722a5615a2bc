import {
  DATABASE_BUSY_TIMEOUT_MS,
  DATABASE_CONNECT_TIMEOUT_MS,
  DATABASE_PATH,
  DATABASE_POOL_SIZE,
  DATABASE_STATEMENT_TIMEOUT_MS,
  DATABASE_URL,
  MAIL_FROM,
  SIGNUP_LIMIT_PER_HOUR,
  SITE_URL,
  SMTP_URL,
  STRIPE_API_BASE,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
} from 'astro:env/server';
import { databaseConfig, openDatabase, type Db } from '~/lib/db';
import { createMailer, type Mailer } from '~/lib/mail/mailer';
import { paymentsFrom, type Payments } from '~/lib/payments/stripe-client';
import { FlowRunner } from '~/lib/sandbox/flow-runner';

/**
 * The process's services, wired from astro:env once. Everything here is a handle to shared
 * state outside the process (the database, the mail server), so several server processes can run
 * side by side.
 */
let db: Promise<Db> | undefined;
let mailer: Mailer | undefined;
let flowRunner: FlowRunner | undefined;

export const databaseSettings = databaseConfig({
  DATABASE_URL,
  DATABASE_PATH,
  DATABASE_POOL_SIZE,
  DATABASE_CONNECT_TIMEOUT_MS,
  DATABASE_STATEMENT_TIMEOUT_MS,
  DATABASE_BUSY_TIMEOUT_MS,
});

/**
 * The database, opened (and migrated) once. If opening fails, for instance PostgreSQL is not up
 * yet, the next request tries again instead of the process staying broken.
 */
export function getDb(): Promise<Db> {
  db ??= openDatabase(databaseSettings).then(
    (opened) => {
      console.info(`botcamp: database: ${opened.label}`);
      return opened;
    },
    (error: unknown) => {
      db = undefined;
      throw error;
    },
  );
  return db;
}

export async function getMailer(): Promise<Mailer> {
  mailer ??= createMailer({
    db: await getDb(),
    smtpUrl: SMTP_URL,
    from: MAIL_FROM,
    log: (line) => console.info(line),
  });
  return mailer;
}

/** Where learners' playground flows run: worker threads, never this thread. */
export function getFlowRunner(): FlowRunner {
  // In astro dev the lint code may change under a running server: keep no lint there.
  flowRunner ??= new FlowRunner({ keptLints: import.meta.env.DEV ? 0 : 1_000 });
  return flowRunner;
}

/**
 * Stripe, or off when no key is set. A key without a webhook secret throws here, which stops the
 * server at start (see src/cli/serve.ts) rather than taking payments it could never confirm.
 */
export const payments: Payments = paymentsFrom({
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
  STRIPE_API_BASE,
});

export const siteUrl = SITE_URL.replace(/\/$/, '');
/** Without SMTP_URL, e-mail goes to the outbox table and the server log only (see src/lib/mail). */
export const mailIsConfigured = Boolean(SMTP_URL);

/** How many sign-ups one client address may make per hour (SIGNUP_LIMIT_PER_HOUR). */
export const signupRule = { limit: SIGNUP_LIMIT_PER_HOUR, windowMs: 60 * 60_000 };
/** What browsers send as `Origin` from this site's pages. */
export const siteOrigin = new URL(SITE_URL).origin;
/** Cookies get `Secure` (and the `__Host-` name) when the public site is served over https. */
export const secureCookies = siteUrl.startsWith('https://');
