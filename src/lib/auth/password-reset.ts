import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '~/lib/db';
import { absoluteUrl, type Locale } from '~/lib/i18n/locales';
import type { Mailer } from '~/lib/mail/mailer';
import { resetPasswordEmail } from '~/lib/mail/templates';
import type { Result } from '~/lib/result';
import { passwordResetTokens, sessions, users } from '~db/schema';
import { recordAudit } from '~/lib/audit/audit-log';
import { validateEmail } from './email';
import { checkPasswordPolicy, hashPassword, type PasswordPolicyError } from './password';
import {
  clearFailures,
  emailThrottleKey,
  ipThrottleKey,
  throttleActions,
  type ThrottleRule,
} from './throttle';
import { hashToken, randomToken } from './tokens';

const HOUR_MS = 60 * 60 * 1000;
/** Reset links work for one hour: long enough to find the e-mail, short for a leaked inbox. */
export const RESET_TOKEN_TTL_MS = HOUR_MS;
/** Everything that sends e-mail is throttled: 3 reset e-mails per address and 10 per client
 * address per hour, counted whether or not the address has an account. */
export const RESET_EMAIL_RULE: ThrottleRule = { limit: 3, windowMs: HOUR_MS };
export const RESET_IP_RULE: ThrottleRule = { limit: 10, windowMs: HOUR_MS };

export type RequestResetResult =
  | { ok: true; value: undefined }
  | { ok: false; error: 'email-invalid'; field?: string }
  | { ok: false; error: 'throttled'; field?: string; retryAfterSeconds: number };

export interface LinkOptions {
  /** The language of the page the link opens. */
  locale?: Locale;
  /** A site path to land on once the password is chosen (checked again where it is used). */
  next?: string;
}

/** The page that consumes a token. The token is in the path, so that page must send
 * `Referrer-Policy: no-referrer` (see docs/security.md). */
function resetUrl(siteUrl: string, token: string, options: LinkOptions = {}): string {
  const next = options.next ? `?next=${encodeURIComponent(options.next)}` : '';
  return `${absoluteUrl(siteUrl, options.locale ?? 'en', `/reset-password/${token}`)}${next}`;
}

/** Stores a new token (by hash) for each user and deletes the ones before it, atomically. */
async function issueTokens(
  db: Db,
  userIds: readonly number[],
  ttlMs: number,
  now: Date,
): Promise<Map<number, string>> {
  const tokens = new Map(userIds.map((id) => [id, randomToken(20)]));
  await db.write(async (tx) => {
    for (const [userId, token] of tokens) {
      await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
      await tx.insert(passwordResetTokens).values({
        id: hashToken(token),
        userId,
        expiresAt: new Date(now.getTime() + ttlMs),
        createdAt: now,
      });
    }
  });
  return tokens;
}

async function issueToken(db: Db, userId: number, ttlMs: number, now: Date): Promise<string> {
  return (await issueTokens(db, [userId], ttlMs, now)).get(userId)!;
}

/**
 * Starts a password reset. The answer is the same whether or not the address has an account
 * (only a malformed address or the throttle say otherwise), and the e-mail is handed to the
 * mailer without waiting, so slow SMTP cannot reveal which addresses exist either; a failed
 * delivery is logged and recorded by the mailer. Disabled accounts get no e-mail.
 *
 * @example
 * const r = await requestPasswordReset(db, mailer, { email, ip: clientAddress, siteUrl, locale });
 * if (!r.ok && r.error === 'throttled') return tooMany(r.retryAfterSeconds);
 * return showCheckYourInbox();
 */
export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  input: { email: string; ip: string; siteUrl: string; locale: Locale },
  now: Date = new Date(),
  /** Where the token and e-mail work goes; tests pass a collector to await it. */
  defer: (work: Promise<void>) => void = (work) =>
    void work.catch((error: unknown) =>
      console.error(`botcamp: password reset e-mail failed: ${String(error)}`),
    ),
): Promise<RequestResetResult> {
  const email = validateEmail(input.email);
  if (!email.ok) return email;
  const ipKey = ipThrottleKey(input.ip, 'reset:');
  const rules = [{ key: emailThrottleKey(email.value, 'reset:'), ...RESET_EMAIL_RULE }];
  if (ipKey !== null) rules.push({ key: ipKey, ...RESET_IP_RULE });
  const throttle = await throttleActions(db, rules, now);
  if (!throttle.allowed)
    return { ok: false, error: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };

  const [user] = await db.read
    .select({ id: users.id, displayName: users.displayName, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email.value))
    .limit(1);
  if (user === undefined || user.disabledAt !== null) return { ok: true, value: undefined };

  // The token write and the e-mail happen after the answer, so a known address costs the request
  // what an unknown one does (the throttle and one lookup): the timing says nothing either.
  defer(
    (async () => {
      const token = await issueToken(db, user.id, RESET_TOKEN_TTL_MS, now);
      const content = resetPasswordEmail(input.locale, {
        name: user.displayName,
        url: resetUrl(input.siteUrl, token, { locale: input.locale }),
      });
      // A failed delivery is logged and recorded by the mailer; nothing here should fail the request.
      await Promise.resolve()
        .then(() => mailer.send({ to: email.value, ...content, redact: [token] }))
        .catch(() => undefined);
    })(),
  );
  return { ok: true, value: undefined };
}

export interface ResetLinkAccount {
  userId: number;
  /** False for an account nobody has finished yet (a sign-up, or one an admin made): the link
   * then sets its first password, and proves the address. */
  hasPassword: boolean;
}

/**
 * The account a reset token belongs to, or null if it is unknown, expired (then deleted) or
 * belongs to a disabled account. Does not consume the token: the form page calls this, the POST
 * calls resetPassword.
 *
 * @example
 * if ((await verifyResetToken(db, params.token)) === null) return showLinkExpired();
 */
export async function verifyResetToken(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<ResetLinkAccount | null> {
  if (token.length === 0 || token.length > 64) return null;
  const id = hashToken(token);
  const [row] = await db.read
    .select({
      userId: passwordResetTokens.userId,
      expiresAt: passwordResetTokens.expiresAt,
      disabledAt: users.disabledAt,
      passwordHash: users.passwordHash,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(passwordResetTokens.userId, users.id))
    .where(eq(passwordResetTokens.id, id))
    .limit(1);
  if (row === undefined) return null;
  if (now.getTime() >= row.expiresAt.getTime()) {
    await db.write((tx) => tx.delete(passwordResetTokens).where(eq(passwordResetTokens.id, id)));
    return null;
  }
  return row.disabledAt === null
    ? { userId: row.userId, hasPassword: row.passwordHash !== null }
    : null;
}

/**
 * Sets a new password from a reset link. Single use: the token is deleted in the same
 * transaction that writes the password, so of two simultaneous submissions only one succeeds.
 * Every session of the account ends and its login lock is lifted.
 *
 * @example
 * const r = await resetPassword(db, { token: params.token, password: form.password });
 * if (r.ok) redirect('/login');
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  now: Date = new Date(),
): Promise<
  Result<{ userId: number; firstPassword: boolean }, 'reset-token-invalid' | PasswordPolicyError>
> {
  const invalid = { ok: false, error: 'reset-token-invalid', field: 'token' } as const;
  const link = await verifyResetToken(db, input.token, now);
  if (link === null) return invalid;
  const userId = link.userId;
  const [user] = await db.read
    .select({ email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (user === undefined) return invalid;
  const policy = checkPasswordPolicy(input.password, user);
  if (!policy.ok) return policy;

  const passwordHash = await hashPassword(input.password);
  const id = hashToken(input.token);
  const consumed = await db.write(async (tx) => {
    const [token] = await tx
      .delete(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.id, id),
          eq(passwordResetTokens.userId, userId),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ id: passwordResetTokens.id });
    if (token === undefined) return false; // used (or replaced) while we were hashing
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(
      tx,
      {
        actorId: null,
        action: link.hasPassword ? 'user.password-reset' : 'user.password-set',
        subjectUserId: userId,
      },
      now,
    );
    return true;
  });
  if (!consumed) return invalid;
  await clearFailures(db, user.email);
  return { ok: true, value: { userId, firstPassword: !link.hasPassword } };
}

/**
 * A one-time link for an account created without a password (the CLI's first admin, or a person
 * an admin added). Same token table and page as a reset, with a longer default life of 24 hours.
 * The link is the secret: show it once, do not log it.
 *
 * @example
 * const url = await createSetPasswordLink(db, userId, 'https://botcamp.example');
 */
export async function createSetPasswordLink(
  db: Db,
  userId: number,
  siteUrl: string,
  now: Date = new Date(),
  ttlHours = 24,
  options: LinkOptions = {},
): Promise<string> {
  return (await createSetPasswordLinks(db, [userId], siteUrl, now, ttlHours, options)).get(userId)!;
}

/** Set-password links for many new accounts (a bulk import) in one transaction, by user id. */
export async function createSetPasswordLinks(
  db: Db,
  userIds: readonly number[],
  siteUrl: string,
  now: Date = new Date(),
  ttlHours = 24,
  options: LinkOptions = {},
): Promise<Map<number, string>> {
  if (!(ttlHours > 0 && ttlHours <= 24 * 7))
    throw new RangeError(`ttlHours must be within (0, 168], got ${ttlHours}`);
  const tokens = await issueTokens(db, userIds, ttlHours * HOUR_MS, now);
  return new Map([...tokens].map(([id, token]) => [id, resetUrl(siteUrl, token, options)]));
}
