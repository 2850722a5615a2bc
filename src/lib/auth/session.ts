import { eq, sql, type AnyColumn } from 'drizzle-orm';
import { preparedRead, type Db } from '~/lib/db';
import { sessions, users } from '~db/schema';
import { hashToken, randomToken } from './tokens';
import type { SessionUser } from './user';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session lives 30 days from its last renewal… */
export const SESSION_TTL_MS = 30 * DAY_MS;
/** …and is renewed when a request arrives in its last 15 days, so active people stay signed in
 * while the database is written at most about once a fortnight per session. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;
/** However active, a session ends this long after sign-in: a stolen cookie cannot live forever. */
export const SESSION_MAX_AGE_MS = 90 * DAY_MS;
/** Tokens we generate are 32 characters; anything much longer is not ours and not worth hashing. */
const MAX_TOKEN_LENGTH = 64;

export interface Session {
  /** Hex SHA-256 of the cookie token. */
  id: string;
  userId: number;
  expiresAt: Date;
}

/** `renewed`: the expiry moved, so the cookie must be sent again (once, not on every request). */
export type SessionValidation = { session: Session; user: SessionUser; renewed: boolean } | null;

/**
 * A new session token for the cookie: 160 random bits, base32. It is never stored; the session
 * row is keyed by its hash.
 *
 * @example
 * const token = generateSessionToken();
 * const session = await createSession(db, token, userId);
 */
export function generateSessionToken(): string {
  return randomToken(20);
}

/**
 * Stores a session for `token` (by hash) that expires in 30 days.
 *
 * @example
 * const session = await createSession(db, generateSessionToken(), user.id);
 */
export async function createSession(
  db: Db,
  token: string,
  userId: number,
  now: Date = new Date(),
): Promise<Session> {
  const session: Session = {
    id: hashToken(token),
    userId,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  };
  await db.write((tx) => tx.insert(sessions).values({ ...session, createdAt: now }));
  return session;
}

/** A column of the session whose id is the `id` placeholder, as a scalar subquery. */
const ofSession = (column: AnyColumn) =>
  sql`(select ${column} from ${sessions} where ${sessions.id} = ${sql.placeholder('id')})`;

/**
 * Every signed-in request runs this read, so it is prepared once (see preparedRead). The session's
 * columns are scalar subqueries rather than a join, whose order the embedded SQLite chooses by the
 * bound token and so compiles again on every run (14 µs against 4.7 µs, warm; see preparedRead).
 * PostgreSQL plans both as index lookups.
 */
const sessionWithUser = preparedRead((q) =>
  q
    .select({
      expiresAt: ofSession(sessions.expiresAt).mapWith(sessions.expiresAt),
      createdAt: ofSession(sessions.createdAt).mapWith(sessions.createdAt),
      disabledAt: users.disabledAt,
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        locale: users.locale,
        valuesVersion: users.valuesVersion,
      },
    })
    .from(users)
    .where(eq(users.id, ofSession(sessions.userId)))
    .prepare(),
);

/**
 * What a cookie token's session is now, read without writing anything: `valid` (use it as it
 * is), `renew` (valid, but its expiry must move and the cookie be sent again), `dead` (expired,
 * past its 90 days, or its account disabled: delete it and the cookie), or null (no such session).
 * `validateSessionToken` acts on it; a path that cannot set cookies uses only `valid`.
 */
export type SessionCheck =
  | { verdict: 'valid'; session: Session; user: SessionUser }
  | { verdict: 'renew'; session: Session; user: SessionUser }
  | { verdict: 'dead'; sessionId: string }
  | null;

export async function checkSessionToken(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<SessionCheck> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
  const id = hashToken(token);
  const [row] = await sessionWithUser(db.read, { id });
  if (row === undefined) return null;

  // Disabling an account also deletes its sessions; this check covers a disable written by a
  // path that forgot to (or a row edited by hand).
  const endOfLife = row.createdAt.getTime() + SESSION_MAX_AGE_MS;
  if (
    now.getTime() >= row.expiresAt.getTime() ||
    now.getTime() >= endOfLife ||
    row.disabledAt !== null
  )
    return { verdict: 'dead', sessionId: id };
  const renew =
    now.getTime() >= row.expiresAt.getTime() - SESSION_RENEW_WITHIN_MS &&
    row.expiresAt.getTime() < endOfLife;
  const expiresAt = renew
    ? new Date(Math.min(now.getTime() + SESSION_TTL_MS, endOfLife))
    : row.expiresAt;
  return {
    verdict: renew ? 'renew' : 'valid',
    session: { id, userId: row.user.id, expiresAt },
    user: row.user,
  };
}

/**
 * Resolves a cookie token to its session and user, or null. Expired sessions, sessions older than
 * 90 days and sessions of a disabled account are deleted on sight; a session in its last 15 days
 * is extended to 30, but never past 90 days from sign-in.
 *
 * @example
 * const result = await validateSessionToken(db, cookies.get(sessionCookieName(secure))?.value ?? '');
 * if (result === null) clearCookie();
 */
export async function validateSessionToken(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<SessionValidation> {
  const check = await checkSessionToken(db, token, now);
  if (check === null) return null;
  if (check.verdict === 'dead') {
    await invalidateSession(db, check.sessionId);
    return null;
  }
  const { session, user } = check;
  if (check.verdict === 'renew')
    await db.write((tx) =>
      tx.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, session.id)),
    );
  return { session, user, renewed: check.verdict === 'renew' };
}

/**
 * Ends one session (logout).
 *
 * @example
 * await invalidateSession(db, locals.session.id);
 */
export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.write((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

/**
 * Ends every session of a person: after a password reset, role change or disable.
 *
 * @example
 * await invalidateAllSessions(db, userId);
 */
export async function invalidateAllSessions(db: Db, userId: number): Promise<void> {
  await db.write((tx) => tx.delete(sessions).where(eq(sessions.userId, userId)));
}

// The cookie helpers live in cookie.ts (no database involved); re-exported so session handling
// has one import.
export {
  SESSION_COOKIE,
  expiredSessionCookieOptions,
  sessionCookieName,
  sessionCookieOptions,
  type SessionCookieName,
  type SessionCookieOptions,
} from './cookie';
