import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  SESSION_COOKIE,
  createSession,
  expiredSessionCookieOptions,
  generateSessionToken,
  invalidateAllSessions,
  invalidateSession,
  sessionCookieName,
  sessionCookieOptions,
  validateSessionToken,
} from '~/lib/auth/session';
import { hashToken } from '~/lib/auth/tokens';
import type { Db } from '~/lib/db';
import { sessions, users } from '~db/schema';
import { freshDb, tableAsText } from '../fixtures';
import { DAY, T0, at } from './helpers';

async function insertUser(db: Db, email = 'ada@example.org'): Promise<number> {
  const [row] = await db.write((tx) =>
    tx.insert(users).values({ email, displayName: 'Ada' }).returning({ id: users.id }),
  );
  return row!.id;
}

let db: Db;
let userId: number;
beforeEach(async () => {
  db = await freshDb();
  userId = await insertUser(db);
});

describe('generateSessionToken', () => {
  it('makes 160-bit base32 lower-case tokens without padding, all different', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{32}$/); // 32 × 5 bits = 160
  });
});

describe('sessions', () => {
  it('stores only the SHA-256 of the token', async () => {
    const token = generateSessionToken();
    const session = await createSession(db, token, userId, T0);
    expect(session.id).toBe(hashToken(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const dump = await tableAsText(db, sessions);
    expect(dump).not.toContain(token);
    expect(dump).toContain(session.id);
  });

  it('validates a token into its session and user, without secrets', async () => {
    const token = generateSessionToken();
    await createSession(db, token, userId, T0);
    const result = await validateSessionToken(db, token, at(DAY));
    expect(result?.session).toEqual({ id: hashToken(token), userId, expiresAt: at(30 * DAY) });
    expect(result?.user).toEqual({
      id: userId,
      email: 'ada@example.org',
      displayName: 'Ada',
      role: 'learner',
      locale: 'en',
      valuesVersion: null,
    });
    expect(result?.user).not.toHaveProperty('passwordHash');
  });

  it('rejects unknown, empty and oversized tokens', async () => {
    await createSession(db, generateSessionToken(), userId, T0);
    expect(await validateSessionToken(db, generateSessionToken(), T0)).toBeNull();
    expect(await validateSessionToken(db, '', T0)).toBeNull();
    expect(await validateSessionToken(db, 'a'.repeat(10_000), T0)).toBeNull();
  });

  it('slides the expiry only in the last 15 days', async () => {
    const token = generateSessionToken();
    await createSession(db, token, userId, T0);
    // Day 14: more than 15 days left, nothing written.
    expect((await validateSessionToken(db, token, at(14 * DAY)))?.session.expiresAt).toEqual(
      at(30 * DAY),
    );
    // Day 16: within 15 days of expiry, extended to 30 days from now.
    expect((await validateSessionToken(db, token, at(16 * DAY)))?.session.expiresAt).toEqual(
      at(46 * DAY),
    );
    const [stored] = await db.read.select().from(sessions).limit(1);
    expect(stored?.expiresAt).toEqual(at(46 * DAY));
    // Still alive on day 45, which the original expiry would not have allowed.
    expect(await validateSessionToken(db, token, at(45 * DAY))).not.toBeNull();
  });

  it('asks for the cookie to be sent again only when the expiry moved', async () => {
    const token = generateSessionToken();
    await createSession(db, token, userId, T0);
    expect((await validateSessionToken(db, token, at(DAY)))?.renewed).toBe(false);
    expect((await validateSessionToken(db, token, at(16 * DAY)))?.renewed).toBe(true);
    expect((await validateSessionToken(db, token, at(16 * DAY + 60_000)))?.renewed).toBe(false);
  });

  it('ends a session 90 days after sign-in however active it is', async () => {
    const token = generateSessionToken();
    await createSession(db, token, userId, T0);
    for (let day = 1; day < 90; day += 5)
      expect(await validateSessionToken(db, token, at(day * DAY)), `day ${day}`).not.toBeNull();
    const last = await validateSessionToken(db, token, at(89 * DAY));
    expect(last?.session.expiresAt.getTime()).toBeLessThanOrEqual(at(90 * DAY).getTime());
    expect(await validateSessionToken(db, token, at(90 * DAY))).toBeNull();
    expect(await db.read.select().from(sessions)).toEqual([]);
  });

  it('deletes an expired session when it is presented', async () => {
    const token = generateSessionToken();
    await createSession(db, token, userId, T0);
    expect(await validateSessionToken(db, token, at(30 * DAY))).toBeNull();
    expect(await db.read.select().from(sessions)).toHaveLength(0);
  });

  it('rejects and deletes sessions of a disabled account', async () => {
    const token = generateSessionToken();
    await createSession(db, token, userId, T0);
    await db.write((tx) => tx.update(users).set({ disabledAt: T0 }).where(eq(users.id, userId)));
    expect(await validateSessionToken(db, token, at(1000))).toBeNull();
    expect(await db.read.select().from(sessions)).toHaveLength(0);
  });

  it('invalidates one, all, or all other sessions', async () => {
    const other = await insertUser(db, 'bob@example.org');
    const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
    const sa = await createSession(db, a, userId, T0);
    await createSession(db, b, userId, T0);
    const bobToken = generateSessionToken();
    await createSession(db, bobToken, other, T0);

    await invalidateSession(db, sa.id);
    expect(await validateSessionToken(db, a, T0)).toBeNull();
    expect(await validateSessionToken(db, b, T0)).not.toBeNull();

    await createSession(db, c, userId, T0);

    await invalidateAllSessions(db, userId);
    expect(await validateSessionToken(db, b, T0)).toBeNull();
    expect(await validateSessionToken(db, c, T0)).toBeNull();
    expect(await validateSessionToken(db, bobToken, T0)).not.toBeNull();
  });
});

describe('session cookie', () => {
  it('uses the __Host- prefix only over https', () => {
    expect(sessionCookieName(true)).toBe('__Host-session');
    expect(sessionCookieName(false)).toBe('session');
    expect(SESSION_COOKIE).toEqual({ http: 'session', https: '__Host-session' });
  });

  it('is HttpOnly, SameSite=Lax, Path=/, expiring with the session', () => {
    const expires = at(30 * DAY);
    expect(sessionCookieOptions(expires, true)).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      expires,
    });
    expect(sessionCookieOptions(expires, false).secure).toBe(false);
    expect(expiredSessionCookieOptions(true)).toMatchObject({
      maxAge: 0,
      expires: new Date(0),
      path: '/',
      secure: true,
    });
  });
});
