/**
 * One-time notices carried across a redirect ("your account is ready"): the key rides in a
 * short-lived cookie, the next page shows the matching message once and drops the cookie. Only
 * known keys are shown, so the cookie cannot put text of someone else's choosing on the page.
 */
export const NOTICES = ['account-ready'] as const;
export type Notice = (typeof NOTICES)[number];

export const NOTICE_COOKIE = 'notice';

export function parseNotice(value: string | undefined): Notice | undefined {
  return (NOTICES as readonly string[]).includes(value ?? '') ? (value as Notice) : undefined;
}

export function noticeCookieOptions(secure: boolean): {
  path: string;
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  maxAge: number;
} {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 };
}
