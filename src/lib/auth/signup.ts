import { eq } from 'drizzle-orm';
import { isUniqueViolation, type Db } from '~/lib/db';
import { absoluteUrl, type Locale } from '~/lib/i18n/locales';
import type { Mailer } from '~/lib/mail/mailer';
import { signUpConfirmEmail, signUpTakenEmail } from '~/lib/mail/templates';
import type { Result } from '~/lib/result';
import { users } from '~db/schema';
import { validateDisplayName } from './display-name';
import { validateEmail } from './email';
import { createSetPasswordLink } from './password-reset';
import { emailThrottleKey, ipThrottleKey, throttleAction, type ThrottleRule } from './throttle';
import type { UserLocale } from './user';

const HOUR_MS = 60 * 60_000;

/**
 * Sign-ups per client address per hour. Generous because a union hall or a training session puts
 * dozens of people behind one address; tight enough that nobody can make the server send mail
 * all day. SIGNUP_LIMIT_PER_HOUR changes it.
 */
export const SIGNUP_IP_RULE: ThrottleRule = { limit: 60, windowMs: HOUR_MS };
/** Sign-up e-mails to one address per hour: past it, requests are answered as usual and send nothing,
 * so nobody can fill someone's inbox from this form. */
export const SIGNUP_EMAIL_RULE: ThrottleRule = { limit: 3, windowMs: HOUR_MS };
/** The link that finishes a sign-up works this long: the e-mail may be read the next day. */
export const SIGNUP_LINK_TTL_HOURS = 24;

export interface SignUpInput {
  email: string;
  displayName: string;
  /** The "I accept Botcamp's values" checkbox. */
  acceptValues: boolean;
  /** Which version of the values text the form showed. */
  valuesVersion: number;
  locale: UserLocale;
  /** The client's address; sign-ups from it are throttled (see SIGNUP_IP_RULE). */
  ip: string;
  /** Where the e-mailed links point. */
  siteUrl: string;
  /** The site path to land on once the password is chosen (already checked by the caller). */
  next?: string;
}

export type SignUpError = 'email-invalid' | 'name-invalid' | 'values-not-accepted';

export type SignUpResult =
  | Result<void, SignUpError>
  | { ok: false; error: 'throttled'; field?: string; retryAfterSeconds: number };

/** What the deferred part did; the page never learns it (tests and logs do). */
export type SignUpOutcome = 'link-sent' | 'owner-warned' | 'skipped';

/**
 * Starts a sign-up without telling anyone whether the address already has an account: an
 * employer must not be able to check whether a worker is registered at an organizing course.
 * After the form checks and the per-client throttle, the answer is the same for every address,
 * and everything that depends on the address happens after the answer (see `finishSignUp`), so
 * its timing says nothing either.
 *
 * The password is chosen from the e-mailed link, not on this form. So the first sign-in needs the
 * mailbox, and nobody can create an account in someone else's name with a password they know and
 * wait for its owner to confirm it.
 *
 * @example
 * const r = await signUp(db, mailer, { email, displayName, acceptValues, valuesVersion, locale, ip, siteUrl });
 * if (r.ok) showCheckYourInbox();
 */
export async function signUp(
  db: Db,
  mailer: Mailer,
  input: SignUpInput,
  now: Date = new Date(),
  ipRule: ThrottleRule = SIGNUP_IP_RULE,
  /** Runs the address-dependent work once the answer is on its way; tests collect it to run it themselves. */
  defer: (work: () => Promise<SignUpOutcome>) => void = (work) =>
    void setImmediate(
      () =>
        void work().catch((error: unknown) =>
          console.error(`botcamp: sign-up e-mail failed: ${String(error)}`),
        ),
    ),
): Promise<SignUpResult> {
  // In the order the form shows them, so the first error named is the first one on screen.
  const name = validateDisplayName(input.displayName);
  if (!name.ok) return name;
  const email = validateEmail(input.email);
  if (!email.ok) return email;
  if (!input.acceptValues)
    return { ok: false, error: 'values-not-accepted', field: 'acceptValues' };
  if (!Number.isInteger(input.valuesVersion) || input.valuesVersion < 1) {
    throw new RangeError(`valuesVersion must be a positive integer, got ${input.valuesVersion}`);
  }
  const ipKey = ipThrottleKey(input.ip, 'signup:');
  if (ipKey !== null) {
    const throttle = await throttleAction(db, ipKey, ipRule, now);
    if (!throttle.allowed)
      return { ok: false, error: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  }
  const checked = { ...input, email: email.value, displayName: name.value };
  defer(() => finishSignUp(db, mailer, checked, now));
  return { ok: true, value: undefined };
}

/**
 * The part of a sign-up that depends on the address, run after the answer:
 * - a new address gets an account without a password and a link to choose one;
 * - an account nobody has finished yet (an earlier sign-up, or one an admin created) is
 *   re-addressed to this sign-up: the name, language and values typed now, and a fresh link;
 * - an account with a password stays as it is, and its owner is told someone tried to sign up
 *   with the address, with links to log in or reset the password;
 * - a disabled account gets nothing.
 */
export async function finishSignUp(
  db: Db,
  mailer: Mailer,
  input: SignUpInput,
  now: Date = new Date(),
): Promise<SignUpOutcome> {
  if (
    !(await throttleAction(db, emailThrottleKey(input.email, 'signup:'), SIGNUP_EMAIL_RULE, now))
      .allowed
  )
    return 'skipped';
  const account = await unfinishedOrExisting(db, input, now);
  if (account.disabled) return 'skipped';
  if (account.finished) {
    // In the owner's language, which need not be the one the form was filled in.
    const locale = account.locale;
    const content = signUpTakenEmail(locale, {
      name: account.displayName,
      loginUrl: absoluteUrl(input.siteUrl, locale, '/login'),
      resetUrl: absoluteUrl(input.siteUrl, locale, '/forgot-password'),
    });
    await mailer.send({ to: input.email, ...content }).catch(() => undefined);
    return 'owner-warned';
  }
  const locale = input.locale;
  const url = await createSetPasswordLink(
    db,
    account.id,
    input.siteUrl,
    now,
    SIGNUP_LINK_TTL_HOURS,
    { locale, ...(input.next ? { next: input.next } : {}) },
  );
  // The link is the secret: the outbox keeps the message with it blanked out.
  await mailer
    .send({
      to: input.email,
      ...signUpConfirmEmail(locale, { name: input.displayName, url }),
      redact: [url],
    })
    .catch(() => undefined);
  return 'link-sent';
}

/** The account behind the address after this sign-up: created when there was none, updated when it
 * was never finished. A concurrent sign-up of the same address lands on the UNIQUE index and
 * then reads the row the other one wrote. */
async function unfinishedOrExisting(
  db: Db,
  input: SignUpInput,
  now: Date,
): Promise<{
  id: number;
  displayName: string;
  locale: Locale;
  finished: boolean;
  disabled: boolean;
}> {
  const fresh = {
    displayName: input.displayName,
    locale: input.locale,
    valuesVersion: input.valuesVersion,
    valuesAcceptedAt: now,
  };
  for (let attempt = 0; ; attempt++) {
    const [row] = await db.read
      .select({
        id: users.id,
        displayName: users.displayName,
        locale: users.locale,
        passwordHash: users.passwordHash,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(eq(users.email, input.email))
      .limit(1);
    if (row) {
      const finished = row.passwordHash !== null;
      const disabled = row.disabledAt !== null;
      if (!finished && !disabled)
        await db.write((tx) => tx.update(users).set(fresh).where(eq(users.id, row.id)));
      return {
        id: row.id,
        displayName: finished ? row.displayName : input.displayName,
        locale: row.locale,
        finished,
        disabled,
      };
    }
    try {
      const [created] = await db.write((tx) =>
        tx
          .insert(users)
          .values({ email: input.email, ...fresh, createdAt: now })
          .returning({ id: users.id }),
      );
      return {
        id: created!.id,
        displayName: input.displayName,
        locale: input.locale,
        finished: false,
        disabled: false,
      };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 0) throw error;
    }
  }
}
