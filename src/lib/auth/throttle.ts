import { and, desc, eq, gt, lte, or, sql } from 'drizzle-orm';
import type { Db, Query, Reader } from '~/lib/db';
import { lockKeys } from '~/lib/db/locks';
import { loginAttempts } from '~db/schema';
import { normalizeEmail } from './email';
import { ipThrottleId } from './ip';

/**
 * Throttling, stored in the database so it survives restarts and is shared by every server.
 *
 * Login rule: a login is refused while this account has 5 failures from this client in the last
 * 15 minutes, or the account 50 failures from anywhere in the last hour, or the client 20
 * failures across accounts in 15 minutes. Counting the account per client means a stranger who
 * knows an address cannot lock its owner out with five wrong passwords; the hourly cap still
 * stops guessing spread over many clients. A lock lifts when the oldest counted failure leaves
 * its window. Refused attempts are not recorded, so hammering a locked account does not extend
 * its lock, and a success clears the account's counters, never the client's (else one valid
 * account would reset it).
 *
 * The same table throttles anything that sends e-mail, through `throttleAction` with prefixed
 * keys ('reset:email:…', 'reset:ip:…'), counting every attempt rather than failures.
 *
 * Counters are committed `relaxed` (see Durability in src/lib/db/types.ts): a power cut may forget
 * the last few, which allows a few more tries once, and an fsync per counted attempt would make
 * every sandbox chat message and login wait for the disk twice.
 */

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const MINUTE_MS = 60_000;
export const LOGIN_PAIR_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE_MS };
export const LOGIN_EMAIL_RULE: ThrottleRule = { limit: 50, windowMs: 60 * MINUTE_MS };
export const LOGIN_IP_RULE: ThrottleRule = { limit: 20, windowMs: 15 * MINUTE_MS };
/** Rows older than this are pruned; no rule may use a longer window. */
const KEEP_MS = 24 * 60 * MINUTE_MS;

/**
 * The throttle key of an account. Folded like the stored address, so 'Foo@X.org' and
 * 'foo@x.org' share one counter.
 *
 * @example
 * emailThrottleKey(' Ada@Example.org') // 'email:ada@example.org'
 */
export function emailThrottleKey(email: string, prefix = ''): string {
  return `${prefix}email:${normalizeEmail(email)}`;
}

/**
 * The throttle key of a client address, or null when the address is unknown: lumping every
 * unknown client under one key would let one attacker lock everybody out.
 *
 * @example
 * ipThrottleKey('203.0.113.9') // 'ip:203.0.113.9'
 */
export function ipThrottleKey(ip: string, prefix = ''): string | null {
  const id = ipThrottleId(ip);
  return id === '' ? null : `${prefix}ip:${id}`;
}

/** Decides one key without writing. The limit-th most recent attempt inside the window, if it
 * exists, is the one whose expiry brings the count back under the limit. */
async function decide(
  q: Reader,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<ThrottleDecision> {
  if (rule.windowMs > KEEP_MS)
    throw new Error(`Throttle window for ${key} is longer than the ${KEEP_MS} ms kept`);
  const [blocking] = await q
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.key, key),
        gt(loginAttempts.at, new Date(now.getTime() - rule.windowMs)),
      ),
    )
    .orderBy(desc(loginAttempts.at))
    .limit(1)
    .offset(rule.limit - 1);
  if (blocking === undefined) return { allowed: true };
  const waitMs = blocking.at.getTime() + rule.windowMs - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** The strictest of several decisions: refused if any refuses, for the longest wait. */
function strictest(decisions: ThrottleDecision[]): ThrottleDecision {
  let wait = 0;
  for (const d of decisions) if (!d.allowed) wait = Math.max(wait, d.retryAfterSeconds);
  return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
}

async function record(tx: Query, keys: string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await tx.insert(loginAttempts).values(keys.map((key) => ({ key, at: now })));
  // Opportunistic pruning: every write also drops what no rule can count any more, so the
  // table stays small without a scheduled job.
  await tx.delete(loginAttempts).where(lte(loginAttempts.at, new Date(now.getTime() - KEEP_MS)));
}

function loginKeys(subject: { email: string; ip: string }): {
  pairKey: string;
  emailKey: string;
  ipKey: string | null;
} {
  return {
    pairKey: `${pairPrefix(subject.email)}${ipThrottleId(subject.ip) || 'unknown'}`,
    emailKey: emailThrottleKey(subject.email),
    ipKey: ipThrottleKey(subject.ip),
  };
}

/** The start of every (account, client) key of an account. */
const pairPrefix = (email: string) => `pair:${normalizeEmail(email)}|`;

/**
 * May this login attempt proceed? Checks the account and address counters (see the rule above).
 *
 * @example
 * const t = await checkThrottle(db, { email, ip: clientAddress });
 * if (!t.allowed) return tooMany(t.retryAfterSeconds);
 */
export async function checkThrottle(
  db: Db,
  subject: { email: string; ip: string },
  now: Date = new Date(),
): Promise<ThrottleDecision> {
  const { pairKey, emailKey, ipKey } = loginKeys(subject);
  return strictest([
    await decide(db.read, pairKey, LOGIN_PAIR_RULE, now),
    await decide(db.read, emailKey, LOGIN_EMAIL_RULE, now),
    ipKey === null ? { allowed: true } : await decide(db.read, ipKey, LOGIN_IP_RULE, now),
  ]);
}

/**
 * Counts one failed login against the account and the address.
 *
 * @example
 * if (!passwordOk) await recordFailure(db, { email, ip });
 */
export async function recordFailure(
  db: Db,
  subject: { email: string; ip: string },
  now: Date = new Date(),
): Promise<void> {
  const { pairKey, emailKey, ipKey } = loginKeys(subject);
  await db.write(
    (tx) => record(tx, ipKey === null ? [pairKey, emailKey] : [pairKey, emailKey, ipKey], now),
    { durability: 'relaxed' },
  );
}

/**
 * Forgets an account's failures, from every client, after a successful login or a password
 * reset. Takes the address as typed.
 *
 * @example
 * await clearFailures(db, email);
 */
export async function clearFailures(db: Db, email: string): Promise<void> {
  const prefix = pairPrefix(email);
  await db.write((tx) =>
    tx
      .delete(loginAttempts)
      .where(
        or(
          eq(loginAttempts.key, emailThrottleKey(email)),
          sql`substr(${loginAttempts.key}, 1, ${prefix.length}) = ${prefix}`,
        ),
      ),
  );
}

/**
 * Counts an action against several keys at once, all or nothing: if any key is over its limit
 * nothing is recorded and the longest wait is returned. Runs in one write transaction so two
 * concurrent requests cannot both take the last slot.
 *
 * @example
 * await throttleActions(db, [
 *   { key: emailThrottleKey(email, 'reset:'), limit: 3, windowMs: 3_600_000 },
 *   { key: 'reset:ip:203.0.113.9', limit: 10, windowMs: 3_600_000 },
 * ]);
 */
export async function throttleActions(
  db: Db,
  rules: ReadonlyArray<ThrottleRule & { key: string }>,
  now: Date = new Date(),
): Promise<ThrottleDecision> {
  return db.write(
    async (tx) => {
      // Several servers share the counters: on PostgreSQL a transaction-scoped advisory lock per
      // key makes the read-then-insert atomic there too (SQLite's write lock already does).
      await lockKeys(
        tx,
        rules.map((r) => r.key),
      );
      const decisions: ThrottleDecision[] = [];
      for (const r of rules) decisions.push(await decide(tx, r.key, r, now));
      const decision = strictest(decisions);
      if (decision.allowed)
        await record(
          tx,
          rules.map((r) => r.key),
          now,
        );
      return decision;
    },
    { durability: 'relaxed' },
  );
}

/**
 * Counts one action against one key: allowed at most `limit` times per sliding `windowMs`.
 *
 * @example
 * const t = await throttleAction(db, 'contact:ip:203.0.113.9', { limit: 5, windowMs: 3_600_000 });
 * if (!t.allowed) return tooMany(t.retryAfterSeconds);
 */
export function throttleAction(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now: Date = new Date(),
): Promise<ThrottleDecision> {
  return throttleActions(db, [{ key, ...rule }], now);
}
