import type { AstroCookies } from 'astro';
import {
  createSession,
  generateSessionToken,
  invalidateSession,
  sessionCookieName,
  sessionCookieOptions,
  expiredSessionCookieOptions,
} from '~/lib/auth/session';
import { getDb, secureCookies } from './runtime';

/** Signs `userId` in on this browser: a new session row (hash only) and the cookie with the token. */
export async function startSession(cookies: AstroCookies, userId: number): Promise<void> {
  const token = generateSessionToken();
  const session = await createSession(await getDb(), token, userId);
  cookies.set(
    sessionCookieName(secureCookies),
    token,
    sessionCookieOptions(session.expiresAt, secureCookies),
  );
}

/** Ends the current session, if any, and clears the cookie. */
export async function endSession(
  cookies: AstroCookies,
  sessionId: string | undefined,
): Promise<void> {
  if (sessionId) await invalidateSession(await getDb(), sessionId);
  cookies.set(sessionCookieName(secureCookies), '', expiredSessionCookieOptions(secureCookies));
}
