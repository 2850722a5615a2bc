/**
 * Every error code the accounts domain can return. The list is the contract with the UI: each
 * code has an `error.<code>` message in both languages (src/lib/i18n/messages/auth.ts), and a
 * unit test keeps the two in step.
 */
export const AUTH_ERROR_CODES = [
  'email-invalid',
  'name-invalid',
  'password-too-short',
  'password-too-long',
  'password-common',
  'password-contains-email',
  'password-contains-name',
  'email-taken',
  'values-not-accepted',
  'invalid-credentials',
  'throttled',
  'current-password-incorrect',
  'reset-token-invalid',
  'user-not-found',
  'role-invalid',
  'forbidden',
  'last-admin',
] as const;

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/**
 * The dictionary key for an error code, so pages never build keys by hand.
 *
 * @example
 * authErrorKey('email-taken') // 'error.email-taken'
 */
export function authErrorKey<C extends AuthErrorCode>(code: C): `error.${C}` {
  return `error.${code}`;
}
