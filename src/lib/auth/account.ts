import { and, eq } from 'drizzle-orm';
import { isUniqueViolation, type Db } from '~/lib/db';
import type { Result } from '~/lib/result';
import { passwordResetTokens, sessions, users } from '~db/schema';
import { recordAudit } from '~/lib/audit/audit-log';
import { validateDisplayName } from './display-name';
import { normalizeEmail, validateEmail } from './email';
import {
  DUMMY_PASSWORD_HASH,
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  verifyPassword,
  type PasswordPolicyError,
} from './password';
import { checkThrottle, clearFailures, recordFailure, throttleAction } from './throttle';
import type { UserLocale } from './user';

export interface PasswordAccountInput {
  email: string;
  displayName: string;
  password: string;
  /** The "I accept Botcamp's values" checkbox. */
  acceptValues: boolean;
  /** Which version of the values text the person accepted. */
  valuesVersion: number;
  locale?: UserLocale;
}

export type PasswordAccountError =
  'email-invalid' | 'name-invalid' | PasswordPolicyError | 'values-not-accepted' | 'email-taken';

export type LogInResult =
  | { ok: true; value: { userId: number } }
  | { ok: false; error: 'invalid-credentials'; field?: string }
  | { ok: false; error: 'throttled'; field?: string; retryAfterSeconds: number };

export type ChangePasswordError =
  'user-not-found' | 'current-password-incorrect' | 'throttled' | PasswordPolicyError;

/** Guessing the current password from a stolen session is throttled like logging in. */
export const CHANGE_PASSWORD_RULE = { limit: 5, windowMs: 15 * 60_000 };

/**
 * Creates a learner account with a password, ready to sign in, for callers that vouch for the
 * address themselves (the demo accounts of a first start, tests). People signing up on the site
 * go through `signUp` (signup.ts), which proves the address first and tells nobody whether it
 * was taken. Hashing (slow) happens before the write transaction, so no lock is held while it
 * runs; a duplicate address is caught from the UNIQUE index.
 *
 * @example
 * const r = await createAccountWithPassword(db, { email, displayName, password, acceptValues: true, valuesVersion: 1 });
 */
export async function createAccountWithPassword(
  db: Db,
  input: PasswordAccountInput,
  now: Date = new Date(),
): Promise<Result<{ userId: number }, PasswordAccountError>> {
  const email = validateEmail(input.email);
  if (!email.ok) return email;
  const name = validateDisplayName(input.displayName);
  if (!name.ok) return name;
  const policy = checkPasswordPolicy(input.password, {
    email: email.value,
    displayName: name.value,
  });
  if (!policy.ok) return policy;
  if (!input.acceptValues)
    return { ok: false, error: 'values-not-accepted', field: 'acceptValues' };
  if (!Number.isInteger(input.valuesVersion) || input.valuesVersion < 1) {
    throw new RangeError(`valuesVersion must be a positive integer, got ${input.valuesVersion}`);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await db.write((tx) =>
      tx
        .insert(users)
        .values({
          email: email.value,
          displayName: name.value,
          passwordHash,
          locale: input.locale ?? 'en',
          valuesVersion: input.valuesVersion,
          valuesAcceptedAt: now,
          createdAt: now,
        })
        .returning({ id: users.id }),
    );
    return { ok: true, value: { userId: row!.id } };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'email-taken', field: 'email' };
    throw error;
  }
}

/**
 * Checks an address and password. Unknown address, wrong password, account without a password
 * and disabled account all answer 'invalid-credentials' after one argon2 verification each, so
 * neither the answer nor its timing tells whether an address has an account. Throttled per
 * account and per client address (see throttle.ts); the caller creates the session.
 *
 * @example
 * const r = await logIn(db, { email, password, ip: clientAddress });
 * if (!r.ok && r.error === 'throttled') headers.set('Retry-After', String(r.retryAfterSeconds));
 */
export async function logIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  now: Date = new Date(),
): Promise<LogInResult> {
  const email = normalizeEmail(input.email);
  const subject = { email, ip: input.ip };
  const throttle = await checkThrottle(db, subject, now);
  if (!throttle.allowed)
    return { ok: false, error: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };

  const [user] = await db.read
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const storedHash = user?.passwordHash ?? DUMMY_PASSWORD_HASH;
  const matches = await verifyPassword(storedHash, input.password);
  if (user === undefined || user.passwordHash === null || user.disabledAt !== null || !matches) {
    await recordFailure(db, subject, now);
    return { ok: false, error: 'invalid-credentials' };
  }

  await clearFailures(db, email);
  if (needsRehash(storedHash)) {
    // Upgrade to today's parameters while we hold the plain password; the condition on the old
    // hash keeps this from overwriting a password changed meanwhile.
    const upgraded = await hashPassword(input.password);
    await db.write((tx) =>
      tx
        .update(users)
        .set({ passwordHash: upgraded })
        .where(and(eq(users.id, user.id), eq(users.passwordHash, storedHash))),
    );
  }
  return { ok: true, value: { userId: user.id } };
}

/**
 * Changes a password after re-checking the current one. Every session of the person ends (the
 * caller then signs this device in again) and pending reset links die with the old password.
 *
 * @example
 * const r = await changePassword(db, locals.user.id, form.current, form.next);
 * if (r.ok) await createSession(db, generateSessionToken(), locals.user.id);
 */
export async function changePassword(
  db: Db,
  userId: number,
  currentPassword: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<Result<void, ChangePasswordError>> {
  const [user] = await db.read
    .select({
      email: users.email,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (user === undefined || user.disabledAt !== null) return { ok: false, error: 'user-not-found' };
  // Counted before the (slow) hash check, so a script cannot use this form to guess faster than the login form.
  if (
    !(await throttleAction(db, `password-change:user:${userId}`, CHANGE_PASSWORD_RULE, now)).allowed
  )
    return { ok: false, error: 'throttled', field: 'currentPassword' };
  const policy = checkPasswordPolicy(newPassword, {
    email: user.email,
    displayName: user.displayName,
  });
  if (!policy.ok) return { ...policy, field: 'newPassword' };
  const matches = await verifyPassword(user.passwordHash ?? DUMMY_PASSWORD_HASH, currentPassword);
  if (user.passwordHash === null || !matches) {
    return { ok: false, error: 'current-password-incorrect', field: 'currentPassword' };
  }

  const passwordHash = await hashPassword(newPassword);
  await db.write(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    await recordAudit(
      tx,
      { actorId: userId, action: 'user.password-changed', subjectUserId: userId },
      now,
    );
  });
  return { ok: true, value: undefined };
}

/**
 * Records that a person accepted a version of Botcamp's values (at sign-up, or when the text
 * changes and they are asked again).
 *
 * @example
 * await acceptValues(db, locals.user.id, CURRENT_VALUES_VERSION);
 */
export async function acceptValues(
  db: Db,
  userId: number,
  version: number,
  now: Date = new Date(),
): Promise<Result<void, 'user-not-found'>> {
  if (!Number.isInteger(version) || version < 1)
    throw new RangeError(`version must be a positive integer, got ${version}`);
  const updated = await db.write((tx) =>
    tx
      .update(users)
      .set({ valuesVersion: version, valuesAcceptedAt: now })
      .where(eq(users.id, userId))
      .returning({ id: users.id }),
  );
  return updated.length === 0
    ? { ok: false, error: 'user-not-found' }
    : { ok: true, value: undefined };
}

// Administrative account operations live in account-admin.ts; re-exported for one import.
export { createUser, setDisabled, setRole, type CreateUserInput } from './account-admin';
