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
import { freshDb } from '../fixtures';
import { DAY, T0, at } from './helpers';

function insertUser(db: Db, email = 'ada@example.org'): number {
  return db.insert(users).values({ email, displayName: 'Ada' }).returning({ id: users.id }).get().id;
}

let db: Db;
let userId: number;
beforeEach(() => {
  db = freshDb();
  userId = insertUser(db);
});

describe('generateSessionToken', () => {
  it('makes 160-bit base32 lower-case tokens without padding, all different', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{32}$/); // 32 × 5 bits = 160
  });
});

describe('sessions', () => {
  it('stores only the SHA-256 of the token', () => {
    const token = generateSessionToken();
    const session = createSession(db, token, userId, T0);
    expect(session.id).toBe(hashToken(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(db.$client.prepare('SELECT * FROM sessions').all());
    expect(dump).not.toContain(token);
    expect(dump).toContain(session.id);
  });

  it('validates a token into its session and user, without secrets', () => {
    const token = generateSessionToken();
    createSession(db, token, userId, T0);
    const result = validateSessionToken(db, token, at(DAY));
    expect(result?.session).toEqual({ id: hashToken(token), userId, expiresAt: at(30 * DAY) });
    expect(result?.user).toEqual({ id: userId, email: 'ada@example.org', displayName: 'Ada', role: 'learner', locale: 'en', valuesVersion: null });
    expect(result?.user).not.toHaveProperty('passwordHash');
  });

  it('rejects unknown, empty and oversized tokens', () => {
    createSession(db, generateSessionToken(), userId, T0);
    expect(validateSessionToken(db, generateSessionToken(), T0)).toBeNull();
    expect(validateSessionToken(db, '', T0)).toBeNull();
    expect(validateSessionToken(db, 'a'.repeat(10_000), T0)).toBeNull();
  });

  it('slides the expiry only in the last 15 days', () => {
    const token = generateSessionToken();
    createSession(db, token, userId, T0);
    // Day 14: more than 15 days left, nothing written.
    expect(validateSessionToken(db, token, at(14 * DAY))?.session.expiresAt).toEqual(at(30 * DAY));
    // Day 16: within 15 days of expiry, extended to 30 days from now.
    expect(validateSessionToken(db, token, at(16 * DAY))?.session.expiresAt).toEqual(at(46 * DAY));
    expect(db.select().from(sessions).get()?.expiresAt).toEqual(at(46 * DAY));
    // Still alive on day 45, which the original expiry would not have allowed.
    expect(validateSessionToken(db, token, at(45 * DAY))).not.toBeNull();
  });

  it('deletes an expired session when it is presented', () => {
    const token = generateSessionToken();
    createSession(db, token, userId, T0);
    expect(validateSessionToken(db, token, at(30 * DAY))).toBeNull();
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it('rejects and deletes sessions of a disabled account', () => {
    const token = generateSessionToken();
    createSession(db, token, userId, T0);
    db.update(users).set({ disabledAt: T0 }).where(eq(users.id, userId)).run();
    expect(validateSessionToken(db, token, at(1000))).toBeNull();
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it('invalidates one, all, or all other sessions', () => {
    const other = insertUser(db, 'bob@example.org');
    const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
    const sa = createSession(db, a, userId, T0);
    createSession(db, b, userId, T0);
    const bobToken = generateSessionToken();
    createSession(db, bobToken, other, T0);

    invalidateSession(db, sa.id);
    expect(validateSessionToken(db, a, T0)).toBeNull();
    expect(validateSessionToken(db, b, T0)).not.toBeNull();

    createSession(db, c, userId, T0);

    invalidateAllSessions(db, userId);
    expect(validateSessionToken(db, b, T0)).toBeNull();
    expect(validateSessionToken(db, c, T0)).toBeNull();
    expect(validateSessionToken(db, bobToken, T0)).not.toBeNull();
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
    expect(sessionCookieOptions(expires, true)).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/', expires });
    expect(sessionCookieOptions(expires, false).secure).toBe(false);
    expect(expiredSessionCookieOptions(true)).toMatchObject({ maxAge: 0, expires: new Date(0), path: '/', secure: true });
  });
});
