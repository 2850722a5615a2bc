import { beforeEach, describe, expect, it } from 'vitest';
import { ipThrottleId } from '~/lib/auth/ip';
import {
  checkThrottle,
  clearFailures,
  recordFailure,
  throttleAction,
  throttleActions,
} from '~/lib/auth/throttle';
import type { Db } from '~/lib/db';
import { loginAttempts } from '~db/schema';
import { freshDb } from '../fixtures';
import { DAY, HOUR, MINUTE, T0, at } from './helpers';

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

const ada = { email: 'ada@example.org', ip: '203.0.113.9' };

describe('login throttle', () => {
  it('locks an account for one client after 5 failures until the oldest leaves the 15-minute window', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await checkThrottle(db, ada, at(i * MINUTE))).allowed).toBe(true);
      await recordFailure(db, ada, at(i * MINUTE));
    }
    expect(await checkThrottle(db, ada, at(5 * MINUTE))).toEqual({
      allowed: false,
      retryAfterSeconds: 10 * 60,
    });
    // The same client with other letter case is still locked; the owner on another client is not:
    // five wrong passwords from a stranger must not lock the owner out.
    expect(
      (await checkThrottle(db, { email: ' ADA@Example.org', ip: ada.ip }, at(5 * MINUTE))).allowed,
    ).toBe(false);
    expect(
      (await checkThrottle(db, { email: ada.email, ip: '198.51.100.1' }, at(5 * MINUTE))).allowed,
    ).toBe(true);
    expect(await checkThrottle(db, ada, at(15 * MINUTE - 1000))).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect((await checkThrottle(db, ada, at(15 * MINUTE))).allowed).toBe(true);
    // Another account from the same address is unaffected.
    expect(
      (await checkThrottle(db, { ...ada, email: 'bob@example.org' }, at(5 * MINUTE))).allowed,
    ).toBe(true);
  });

  it('locks an account everywhere after 50 failures in an hour spread over many clients', async () => {
    for (let i = 0; i < 50; i++)
      await recordFailure(db, { email: ada.email, ip: `198.51.100.${i}` }, at(i * 1000));
    const owner = await checkThrottle(db, { email: ada.email, ip: '192.0.2.7' }, at(60_000));
    expect(owner.allowed).toBe(false);
    expect(
      (await checkThrottle(db, { email: ada.email, ip: '192.0.2.7' }, at(60 * MINUTE + 1000)))
        .allowed,
    ).toBe(true);
  });

  it('locks an address after 20 failures across accounts', async () => {
    for (let i = 0; i < 20; i++)
      await recordFailure(db, { email: `user${i}@example.org`, ip: ada.ip }, at(i * 1000));
    const decision = await checkThrottle(
      db,
      { email: 'fresh@example.org', ip: ada.ip },
      at(30_000),
    );
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 30 });
    expect(
      (await checkThrottle(db, { email: 'fresh@example.org', ip: '198.51.100.1' }, at(30_000)))
        .allowed,
    ).toBe(true);
    expect(
      (await checkThrottle(db, { email: 'fresh@example.org', ip: ada.ip }, at(15 * MINUTE + 1000)))
        .allowed,
    ).toBe(true);
  });

  it('treats every address of one IPv6 /64 as one client', async () => {
    for (let i = 0; i < 20; i++)
      await recordFailure(
        db,
        { email: `u${i}@example.org`, ip: `2001:db8:1:2::${i.toString(16)}` },
        T0,
      );
    expect(
      (await checkThrottle(db, { email: 'x@example.org', ip: '2001:db8:1:2:ffff::1' }, T0)).allowed,
    ).toBe(false);
    expect(
      (await checkThrottle(db, { email: 'x@example.org', ip: '2001:db8:1:3::1' }, T0)).allowed,
    ).toBe(true);
  });

  it('ignores an unknown client address instead of lumping everyone together', async () => {
    for (let i = 0; i < 25; i++)
      await recordFailure(db, { email: `u${i}@example.org`, ip: '' }, T0);
    expect((await checkThrottle(db, { email: 'x@example.org', ip: '' }, T0)).allowed).toBe(true);
  });

  it('clears only the account counters after a success, from every client', async () => {
    for (let i = 0; i < 5; i++) await recordFailure(db, ada, T0);
    await recordFailure(db, { ...ada, ip: '198.51.100.1' }, T0);
    await recordFailure(db, { email: 'ada_x@example.org', ip: '198.51.100.2' }, T0);
    await clearFailures(db, 'Ada@Example.org');
    expect((await checkThrottle(db, ada, T0)).allowed).toBe(true);
    expect((await db.read.select().from(loginAttempts)).map((r) => r.key).sort()).toEqual(
      [
        ...Array(5).fill('ip:203.0.113.9'),
        'email:ada_x@example.org',
        'ip:198.51.100.1',
        'ip:198.51.100.2',
        'pair:ada_x@example.org|198.51.100.2',
      ].sort(),
    );
  });

  it('prunes rows older than a day on the next write', async () => {
    await recordFailure(db, ada, T0);
    await recordFailure(db, { ...ada, email: 'bob@example.org' }, at(DAY + 1));
    expect((await db.read.select().from(loginAttempts)).map((r) => r.key).sort()).toEqual([
      'email:bob@example.org',
      'ip:203.0.113.9',
      'pair:bob@example.org|203.0.113.9',
    ]);
  });
});

describe('throttleAction', () => {
  const rule = { limit: 3, windowMs: HOUR };

  it('allows `limit` actions per sliding window and counts each allowed one', async () => {
    for (let i = 0; i < 3; i++)
      expect((await throttleAction(db, 'reset:email:a@x.org', rule, at(i * MINUTE))).allowed).toBe(
        true,
      );
    expect(await throttleAction(db, 'reset:email:a@x.org', rule, at(10 * MINUTE))).toEqual({
      allowed: false,
      retryAfterSeconds: 50 * 60,
    });
    // Refusals are not counted, so the lock still ends an hour after the first action.
    expect((await throttleAction(db, 'reset:email:a@x.org', rule, at(HOUR))).allowed).toBe(true);
    expect((await throttleAction(db, 'reset:email:a@x.org', rule, at(HOUR + 1))).allowed).toBe(
      false,
    );
  });

  it('records nothing when any of several keys is over its limit', async () => {
    const rules = [
      { key: 'k:a', limit: 5, windowMs: HOUR },
      { key: 'k:b', limit: 1, windowMs: HOUR },
    ];
    expect((await throttleActions(db, rules, T0)).allowed).toBe(true);
    expect((await throttleActions(db, rules, T0)).allowed).toBe(false);
    expect(await db.read.select().from(loginAttempts)).toHaveLength(2);
  });

  it('refuses windows longer than the pruning horizon', async () => {
    await expect(throttleAction(db, 'k', { limit: 1, windowMs: 2 * DAY }, T0)).rejects.toThrow(
      /longer/,
    );
  });
});

describe('ipThrottleId', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' ::ffff:203.0.113.9 ', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::1', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['not an ip', 'not an ip'],
    ['', ''],
  ])('%j → %j', (raw, id) => {
    expect(ipThrottleId(raw)).toBe(id);
  });
});
