import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { acceptValues, changePassword, createAccountWithPassword, logIn } from '~/lib/auth/account';
import { DUMMY_PASSWORD_HASH } from '~/lib/auth/password';
import { createSession, generateSessionToken, validateSessionToken } from '~/lib/auth/session';
import type { Db } from '~/lib/db';
import { passwordResetTokens, users } from '~db/schema';
import { freshDb, tableAsText } from '../fixtures';
import { MINUTE, PASSWORD, T0, at, makeUser } from './helpers';

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

const form = {
  email: 'Ada@Example.org',
  displayName: '  Ada Lovelace ',
  password: PASSWORD,
  acceptValues: true,
  valuesVersion: 3,
};

describe('createAccountWithPassword', () => {
  it('creates a learner with a folded address, a trimmed name and an argon2id hash', async () => {
    const r = await createAccountWithPassword(db, { ...form, locale: 'es' }, T0);
    expect(r.ok).toBe(true);
    const [row] = await db.read.select().from(users).limit(1);
    expect(row).toMatchObject({
      email: 'ada@example.org',
      displayName: 'Ada Lovelace',
      role: 'learner',
      locale: 'es',
      valuesVersion: 3,
      valuesAcceptedAt: T0,
      disabledAt: null,
    });
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await tableAsText(db, users)).not.toContain(PASSWORD);
  });

  it('answers email-taken for the same address in another case', async () => {
    await createAccountWithPassword(db, { ...form, email: 'Foo@X.org' }, T0);
    const again = await createAccountWithPassword(db, { ...form, email: 'foo@x.org' }, T0);
    expect(again).toEqual({ ok: false, error: 'email-taken', field: 'email' });
    expect(await db.read.select().from(users)).toHaveLength(1);
  });

  it('reports the first problem with its field', async () => {
    expect(await createAccountWithPassword(db, { ...form, email: 'nope' })).toEqual({
      ok: false,
      error: 'email-invalid',
      field: 'email',
    });
    expect(await createAccountWithPassword(db, { ...form, displayName: ' ' })).toEqual({
      ok: false,
      error: 'name-invalid',
      field: 'displayName',
    });
    expect(await createAccountWithPassword(db, { ...form, password: 'short' })).toEqual({
      ok: false,
      error: 'password-too-short',
      field: 'password',
    });
    expect(await createAccountWithPassword(db, { ...form, password: 'Password123' })).toMatchObject(
      { error: 'password-common' },
    );
    expect(
      await createAccountWithPassword(db, { ...form, password: 'ada@example.org!!' }),
    ).toMatchObject({ error: 'password-contains-email' });
    expect(await createAccountWithPassword(db, { ...form, acceptValues: false })).toEqual({
      ok: false,
      error: 'values-not-accepted',
      field: 'acceptValues',
    });
    expect(await db.read.select().from(users)).toHaveLength(0);
  });

  it('treats a bad values version as a programming error', async () => {
    await expect(createAccountWithPassword(db, { ...form, valuesVersion: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('logIn', () => {
  it('logs in with any letter case of the address', async () => {
    const id = await makeUser(db);
    expect(
      await logIn(db, { email: ' ADA@example.ORG', password: PASSWORD, ip: '203.0.113.9' }, T0),
    ).toEqual({ ok: true, value: { userId: id } });
  });

  it('gives the identical answer for an unknown address and a wrong password', async () => {
    await makeUser(db);
    const unknown = await logIn(
      db,
      { email: 'nobody@example.org', password: PASSWORD, ip: '203.0.113.9' },
      T0,
    );
    const wrong = await logIn(
      db,
      { email: 'ada@example.org', password: 'wrong password!', ip: '203.0.113.9' },
      T0,
    );
    expect(unknown).toEqual({ ok: false, error: 'invalid-credentials' });
    expect(wrong).toEqual(unknown);
  });

  it('answers invalid-credentials for disabled and password-less accounts', async () => {
    const id = await makeUser(db);
    await db.write((tx) => tx.update(users).set({ disabledAt: T0 }).where(eq(users.id, id)));
    expect(
      await logIn(db, { email: 'ada@example.org', password: PASSWORD, ip: '1.2.3.4' }, T0),
    ).toEqual({ ok: false, error: 'invalid-credentials' });
    await db.write((tx) =>
      tx.insert(users).values({ email: 'new@example.org', displayName: 'New' }),
    );
    expect(
      await logIn(db, { email: 'new@example.org', password: PASSWORD, ip: '1.2.3.4' }, T0),
    ).toEqual({ ok: false, error: 'invalid-credentials' });
  });

  it('throttles after 5 failures, even the right password, then releases after 15 minutes', async () => {
    const id = await makeUser(db);
    const attempt = (password: string, minutes: number) =>
      logIn(db, { email: 'ada@example.org', password, ip: '203.0.113.9' }, at(minutes * MINUTE));
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password!', i)).ok).toBe(false);
    expect(await attempt(PASSWORD, 5)).toEqual({
      ok: false,
      error: 'throttled',
      retryAfterSeconds: 600,
    });
    expect(await attempt(PASSWORD, 15)).toEqual({ ok: true, value: { userId: id } });
    // A success clears the account's counter.
    expect((await attempt('wrong password!', 16)).ok).toBe(false);
    expect((await attempt(PASSWORD, 16)).ok).toBe(true);
  });

  it('counts unknown addresses too, so probing them is throttled alike', async () => {
    for (let i = 0; i < 5; i++)
      await logIn(db, { email: 'ghost@example.org', password: 'x', ip: '203.0.113.9' }, T0);
    expect(
      await logIn(db, { email: 'ghost@example.org', password: 'x', ip: '203.0.113.9' }, T0),
    ).toMatchObject({ error: 'throttled' });
  });

  it('upgrades a hash made with outdated parameters', async () => {
    const id = await makeUser(db);
    const { hash } = await import('@node-rs/argon2');
    const old = await hash(PASSWORD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await db.write((tx) => tx.update(users).set({ passwordHash: old }).where(eq(users.id, id)));
    expect((await logIn(db, { email: 'ada@example.org', password: PASSWORD, ip: '' }, T0)).ok).toBe(
      true,
    );
    const [upgraded] = await db.read.select().from(users).limit(1);
    expect(upgraded?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(DUMMY_PASSWORD_HASH).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('changePassword', () => {
  it('checks the current password and ends every session and reset link', async () => {
    const id = await makeUser(db);
    const token = generateSessionToken();
    await createSession(db, token, id, T0);
    await db.write((tx) =>
      tx
        .insert(passwordResetTokens)
        .values({ id: 'h'.repeat(64), userId: id, expiresAt: at(60 * MINUTE) }),
    );

    expect(await changePassword(db, id, 'wrong password!', 'new tea kettle 7', T0)).toEqual({
      ok: false,
      error: 'current-password-incorrect',
      field: 'currentPassword',
    });
    expect(await changePassword(db, id, PASSWORD, 'short', T0)).toEqual({
      ok: false,
      error: 'password-too-short',
      field: 'newPassword',
    });
    expect(await validateSessionToken(db, token, T0)).not.toBeNull();

    expect(await changePassword(db, id, PASSWORD, 'new tea kettle 7', T0)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await validateSessionToken(db, token, T0)).toBeNull();
    expect(await db.read.select().from(passwordResetTokens)).toHaveLength(0);
    expect(
      (await logIn(db, { email: 'ada@example.org', password: 'new tea kettle 7', ip: '' }, T0)).ok,
    ).toBe(true);
    expect((await logIn(db, { email: 'ada@example.org', password: PASSWORD, ip: '' }, T0)).ok).toBe(
      false,
    );
  });

  it('answers user-not-found for a missing account', async () => {
    expect(await changePassword(db, 999, PASSWORD, 'new tea kettle 7')).toEqual({
      ok: false,
      error: 'user-not-found',
    });
  });
});

describe('acceptValues', () => {
  it('records the accepted version and time', async () => {
    const id = await makeUser(db);
    expect(await acceptValues(db, id, 4, at(MINUTE))).toEqual({ ok: true, value: undefined });
    const [row] = await db.read.select().from(users).limit(1);
    expect(row).toMatchObject({ valuesVersion: 4, valuesAcceptedAt: at(MINUTE) });
    expect(await acceptValues(db, 999, 4)).toEqual({ ok: false, error: 'user-not-found' });
  });
});

describe('changePassword throttling', () => {
  it('allows 5 attempts in 15 minutes, then refuses even the right password until the window passes', async () => {
    const id = await makeUser(db);
    for (let i = 0; i < 5; i++)
      expect(
        (
          await changePassword(
            db,
            id,
            'wrong password here',
            'a brand new passphrase 7',
            at(i * MINUTE),
          )
        ).ok,
      ).toBe(false);
    expect(
      await changePassword(db, id, PASSWORD, 'a brand new passphrase 7', at(5 * MINUTE)),
    ).toEqual({ ok: false, error: 'throttled', field: 'currentPassword' });
    expect(
      (await changePassword(db, id, PASSWORD, 'a brand new passphrase 7', at(16 * MINUTE))).ok,
    ).toBe(true);
  });
});
