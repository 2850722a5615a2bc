import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { Result } from '~/lib/result';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

// `Algorithm` is an ambient const enum, which isolatedModules cannot read at runtime; 2 is its
// Argon2id member.
const ARGON2ID = 2 satisfies Algorithm;

/**
 * OWASP Password Storage Cheat Sheet minimum for argon2id: 19 MiB, 2 passes, 1 lane. Cheap
 * enough for a small server (tens of ms) and still expensive for an offline attacker.
 */
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

/**
 * A hash of a random password nobody knows, made with ARGON2_OPTIONS. Logging in with an unknown
 * address verifies against it so that the answer takes as long as for a real account.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$rj/r721L6lUe5ZRXm1DypA$BwyXBOTT16EWNg1oivQpgzzXdkR2qq2HAn8w+bjWYGc';

export type PasswordPolicyError =
  | 'password-too-short'
  | 'password-too-long'
  | 'password-common'
  | 'password-contains-email'
  | 'password-contains-name';

/**
 * Hashes a password with argon2id (PHC string, salt included).
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple'); // '$argon2id$v=19$m=19456,t=2,p=1$…'
 */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * Checks a password against a stored hash. A malformed hash counts as a mismatch rather than an
 * exception, so one corrupt row cannot turn a login form into a 500.
 *
 * @example
 * await verifyPassword(stored, 'correct horse battery staple') // true
 */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * True when a stored hash was made with other parameters than today's, so the login that just
 * proved the password can upgrade it.
 *
 * @example
 * needsRehash('$argon2id$v=19$m=4096,t=3,p=1$…') // true
 */
export function needsRehash(storedHash: string): boolean {
  try {
    const o = parseOptions(storedHash);
    return (
      o.algorithm !== ARGON2_OPTIONS.algorithm ||
      o.memoryCost !== ARGON2_OPTIONS.memoryCost ||
      o.timeCost !== ARGON2_OPTIONS.timeCost ||
      o.parallelism !== ARGON2_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}

/** Lower-cased letters and digits only, so "Ada Lovelace" is found in "adalovelace2024". */
function compact(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** "abcabcabca", "1111111111", "ababababab": a chunk of up to 3 characters repeated. */
function isRepetition(password: string): boolean {
  for (let size = 1; size <= 3; size++) {
    const chunk = password.slice(0, size);
    if (chunk.repeat(Math.ceil(password.length / size)).startsWith(password)) return true;
  }
  return false;
}

/**
 * NIST SP 800-63B-style policy: length matters, composition rules do not. Rejects passwords that
 * are too short or long (in characters, not bytes), well-known or trivially repetitive, or built
 * from the person's own address or name (words of 4+ letters), because those are the first an
 * attacker tries.
 *
 * @example
 * checkPasswordPolicy('Password123', { email: 'ada@example.org' }) // { ok: false, error: 'password-common', field: 'password' }
 * checkPasswordPolicy('tea kettle orbit', { email: 'ada@example.org' }) // { ok: true, value: undefined }
 */
export function checkPasswordPolicy(
  password: string,
  context: { email: string; displayName?: string },
): Result<void, PasswordPolicyError> {
  const fail = (error: PasswordPolicyError): Result<void, PasswordPolicyError> => ({
    ok: false,
    error,
    field: 'password',
  });
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return fail('password-too-short');
  if (length > MAX_PASSWORD_LENGTH) return fail('password-too-long');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || isRepetition(lower)) return fail('password-common');

  const folded = compact(password);
  const email = context.email.trim().toLowerCase();
  const localPart = compact(email.split('@')[0] ?? '');
  if (
    (email.length > 0 && lower.includes(email)) ||
    (localPart.length >= 4 && folded.includes(localPart))
  ) {
    return fail('password-contains-email');
  }
  const nameParts = [context.displayName ?? '', ...(context.displayName ?? '').split(/\s+/)].map(
    compact,
  );
  if (nameParts.some((part) => part.length >= 4 && folded.includes(part)))
    return fail('password-contains-name');
  return { ok: true, value: undefined };
}
