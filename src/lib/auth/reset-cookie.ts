/**
 * Carries a password-reset token from the e-mailed link to the form, so the token is in the URL
 * for one redirect only. Scoped to the reset pages, gone after an hour like the token itself.
 */
export const RESET_COOKIE = 'reset_token';

export function resetCookieOptions(secure: boolean): {
  path: string;
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  maxAge: number;
} {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 };
}
