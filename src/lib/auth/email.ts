import type { Result } from '~/lib/result';

/** RFC 5321 caps a forward path at 256 octets including the angle brackets: 254 for the address. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

// Deliberately loose: the only real test of an address is the e-mail we send to it. This catches
// typos (no @, no dot in the domain, spaces) and characters that would break a mail header.
const LOCAL_PART = /^[^\s@"<>(),;:\\[\]\p{Cc}]+$/u;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

/**
 * Folds an address to the form we store and compare: trimmed and lower-cased. Mailbox local parts
 * are case-sensitive in theory, but no real provider treats Foo@ and foo@ as two people, and
 * treating them as one stops duplicate accounts.
 *
 * @example
 * normalizeEmail('  Ada@Example.ORG ') // 'ada@example.org'
 */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/**
 * Normalizes and checks an address typed by a person.
 *
 * @example
 * validateEmail('Ada@Example.org') // { ok: true, value: 'ada@example.org' }
 * validateEmail('ada@localhost')   // { ok: false, error: 'email-invalid', field: 'email' }
 */
export function validateEmail(raw: string): Result<string, 'email-invalid'> {
  const email = normalizeEmail(raw);
  const invalid = { ok: false, error: 'email-invalid', field: 'email' } as const;
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return invalid;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at > MAX_LOCAL_PART_LENGTH) return invalid;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (
    !LOCAL_PART.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  )
    return invalid;
  // At least "domain.tld", and a top-level label that is not all digits (that would be an IP).
  const tld = labels[labels.length - 1] ?? '';
  if (
    labels.length < 2 ||
    !labels.every((l) => DOMAIN_LABEL.test(l)) ||
    tld.length < 2 ||
    /^\d+$/.test(tld)
  ) {
    return invalid;
  }
  return { ok: true, value: email };
}
