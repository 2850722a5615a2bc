import { beforeEach, describe, expect, it, vi } from 'vitest';
import { logIn } from '~/lib/auth/account';
import {
  createSetPasswordLink,
  requestPasswordReset,
  resetPassword,
  verifyResetToken,
} from '~/lib/auth/password-reset';
import { createSession, generateSessionToken, validateSessionToken } from '~/lib/auth/session';
import { hashToken } from '~/lib/auth/tokens';
import { setDisabled } from '~/lib/auth/account';
import type { Db } from '~/lib/db';
import { createMailer } from '~/lib/mail/mailer';
import { auditLog, emailOutbox, passwordResetTokens } from '~db/schema';
import { freshDb, tableAsText } from '../fixtures';
import { HOUR, MINUTE, T0, at, makeUser, memoryMailer } from './helpers';

const SITE = 'https://botcamp.example/';
let db: Db;
let mailer: ReturnType<typeof memoryMailer>;
beforeEach(async () => {
  db = await freshDb();
  mailer = memoryMailer();
});

/** A reset request, then the work it leaves for after the answer (token and e-mail), finished. */
async function request(email: string, now = T0, ip = '203.0.113.9', locale: 'en' | 'es' = 'en') {
  const pending: Promise<void>[] = [];
  const result = await requestPasswordReset(
    db,
    mailer,
    { email, ip, siteUrl: SITE, locale },
    now,
    (work) => pending.push(work),
  );
  await Promise.all(pending);
  return result;
}

/** The token from the last e-mail's link. */
function lastToken(): string {
  const match = /\/reset-password\/([a-z2-7]+)/.exec(mailer.sent.at(-1)?.text ?? '');
  if (match?.[1] === undefined) throw new Error('no reset link sent');
  return match[1];
}

describe('requestPasswordReset', () => {
  it('answers the same for known and unknown addresses, mailing only the account', async () => {
    await makeUser(db);
    const known = await request('ADA@example.org');
    const unknown = await request('nobody@example.org');
    expect(known).toEqual({ ok: true, value: undefined });
    expect(unknown).toEqual(known);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({
      to: 'ada@example.org',
      subject: 'Reset your Botcamp password',
    });
    expect(mailer.sent[0]?.text).toContain('Hello Ada,');
    expect(mailer.sent[0]?.text).toContain(`https://botcamp.example/reset-password/${lastToken()}`);
  });

  it('stores only the hash of a 160-bit token, valid for one hour', async () => {
    await makeUser(db);
    await request('ada@example.org');
    const token = lastToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(mailer.sent[0]?.redact).toEqual([token]);
    const rows = await db.read.select().from(passwordResetTokens);
    expect(rows).toEqual([expect.objectContaining({ id: hashToken(token), expiresAt: at(HOUR) })]);
    expect(await tableAsText(db, passwordResetTokens)).not.toContain(token);
  });

  it('e-mails in the requested language', async () => {
    await makeUser(db);
    await request('ada@example.org', T0, '', 'es');
    expect(mailer.sent[0]?.subject).toBe('Restablece tu contraseña de Botcamp');
    expect(mailer.sent[0]?.text).toContain('Hola, Ada:');
  });

  it('throttles 3 requests per address and 10 per client address per hour, known or not', async () => {
    await makeUser(db);
    for (let i = 0; i < 3; i++)
      expect((await request('ada@example.org', at(i * MINUTE))).ok).toBe(true);
    expect(await request('ada@example.org', at(3 * MINUTE))).toEqual({
      ok: false,
      error: 'throttled',
      retryAfterSeconds: 57 * 60,
    });
    expect(mailer.sent).toHaveLength(3);
    for (let i = 0; i < 3; i++) await request('ghost@example.org', T0);
    expect((await request('ghost@example.org', T0)).ok).toBe(false);
    // 6 counted for this client so far; 4 more on fresh addresses, then the 11th is refused.
    for (let i = 0; i < 4; i++)
      expect((await request(`u${i}@example.org`, at(5 * MINUTE))).ok).toBe(true);
    expect(await request('u9@example.org', at(5 * MINUTE))).toMatchObject({ error: 'throttled' });
    expect((await request('u9@example.org', at(5 * MINUTE), '198.51.100.7')).ok).toBe(true);
    expect((await request('ada@example.org', at(HOUR))).ok).toBe(true);
  });

  it('rejects a malformed address as such', async () => {
    expect(await request('not an address')).toEqual({
      ok: false,
      error: 'email-invalid',
      field: 'email',
    });
  });

  it('sends nothing to a disabled account', async () => {
    const id = await makeUser(db);
    await setDisabled(db, null, id, true, T0);
    expect((await request('ada@example.org')).ok).toBe(true);
    expect(mailer.sent).toHaveLength(0);
  });

  it('does not fail or wait when delivery fails', async () => {
    await makeUser(db);
    const failing = { send: () => Promise.reject(new Error('SMTP down')) };
    const throwing = {
      send: (): Promise<void> => {
        throw new Error('boom');
      },
    };
    const input = { email: 'ada@example.org', ip: '', siteUrl: SITE, locale: 'en' } as const;
    expect(await requestPasswordReset(db, failing, input, T0)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await requestPasswordReset(db, throwing, input, T0)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('works with the outbox mailer, whose row is written without the call waiting for it', async () => {
    await makeUser(db);
    const lines: string[] = [];
    const outbox = createMailer({
      db,
      from: 'Botcamp <hello@botcamp.example>',
      log: (l) => lines.push(l),
    });
    await requestPasswordReset(
      db,
      outbox,
      { email: 'ada@example.org', ip: '', siteUrl: SITE, locale: 'en' },
      T0,
    );
    // The mailer is not awaited (for timing), so its outbox write may land just after the call
    // returns; the log line is written after the row, so once it is there the row must be too.
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(await db.read.select().from(emailOutbox)).toEqual([
      expect.objectContaining({ to: 'ada@example.org', status: 'outbox' }),
    ]);
    expect(lines[0]).toContain('/reset-password/');
  });
});

describe('verifyResetToken and resetPassword', () => {
  it('resets once, ends all sessions and lets the new password in', async () => {
    const id = await makeUser(db);
    const session = generateSessionToken();
    await createSession(db, session, id, T0);
    await request('ada@example.org');
    const token = lastToken();

    expect(await verifyResetToken(db, token, at(30 * MINUTE))).toEqual({
      userId: id,
      hasPassword: true,
    });
    expect(
      await resetPassword(db, { token, password: 'brand new kettle 9' }, at(30 * MINUTE)),
    ).toEqual({ ok: true, value: { userId: id, firstPassword: false } });
    expect(await validateSessionToken(db, session, at(30 * MINUTE))).toBeNull();
    expect(await db.read.select().from(passwordResetTokens)).toHaveLength(0);
    expect((await db.read.select().from(auditLog)).map((a) => a.action)).toContain(
      'user.password-reset',
    );
    expect(
      (
        await logIn(
          db,
          { email: 'ada@example.org', password: 'brand new kettle 9', ip: '' },
          at(31 * MINUTE),
        )
      ).ok,
    ).toBe(true);

    // Single use.
    expect(await verifyResetToken(db, token, at(31 * MINUTE))).toBeNull();
    expect(
      await resetPassword(db, { token, password: 'another kettle 10' }, at(31 * MINUTE)),
    ).toMatchObject({ error: 'reset-token-invalid' });
  });

  it('checks the password policy without consuming the token', async () => {
    await makeUser(db);
    await request('ada@example.org');
    const token = lastToken();
    expect(await resetPassword(db, { token, password: 'password123' }, T0)).toEqual({
      ok: false,
      error: 'password-common',
      field: 'password',
    });
    expect(await verifyResetToken(db, token, T0)).not.toBeNull();
  });

  it('expires after one hour, deleting the token', async () => {
    await makeUser(db);
    await request('ada@example.org');
    const token = lastToken();
    expect(await verifyResetToken(db, token, at(HOUR - 1))).not.toBeNull();
    expect(await resetPassword(db, { token, password: 'brand new kettle 9' }, at(HOUR))).toEqual({
      ok: false,
      error: 'reset-token-invalid',
      field: 'token',
    });
    expect(await db.read.select().from(passwordResetTokens)).toHaveLength(0);
  });

  it('invalidates an older token when a new one is requested', async () => {
    await makeUser(db);
    await request('ada@example.org');
    const first = lastToken();
    await request('ada@example.org', at(MINUTE));
    const second = lastToken();
    expect(second).not.toBe(first);
    expect(await verifyResetToken(db, first, at(2 * MINUTE))).toBeNull();
    expect(await verifyResetToken(db, second, at(2 * MINUTE))).not.toBeNull();
  });

  it('lifts the login lock of the account', async () => {
    await makeUser(db);
    for (let i = 0; i < 5; i++)
      await logIn(db, { email: 'ada@example.org', password: 'wrong password!', ip: '' }, T0);
    await request('ada@example.org');
    await resetPassword(db, { token: lastToken(), password: 'brand new kettle 9' }, T0);
    expect(
      (await logIn(db, { email: 'ada@example.org', password: 'brand new kettle 9', ip: '' }, T0))
        .ok,
    ).toBe(true);
  });

  it('rejects garbage tokens', async () => {
    expect(await verifyResetToken(db, '', T0)).toBeNull();
    expect(await verifyResetToken(db, 'x'.repeat(1000), T0)).toBeNull();
    expect(
      await resetPassword(db, { token: 'nope', password: 'brand new kettle 9' }, T0),
    ).toMatchObject({ error: 'reset-token-invalid' });
  });
});

describe('createSetPasswordLink', () => {
  it('makes a one-time link valid for 24 hours by default', async () => {
    const id = await makeUser(db);
    const url = await createSetPasswordLink(db, id, 'https://botcamp.example', T0);
    const token =
      /^https:\/\/botcamp\.example\/reset-password\/([a-z2-7]{32})$/.exec(url)?.[1] ?? '';
    expect(await verifyResetToken(db, token, at(23 * HOUR))).toEqual({
      userId: id,
      hasPassword: true,
    });
    expect(await verifyResetToken(db, token, at(24 * HOUR))).toBeNull();
    await expect(createSetPasswordLink(db, id, 'https://botcamp.example', T0, 0)).rejects.toThrow(
      RangeError,
    );
  });

  it("opens the page in the person's language and carries where to go next", async () => {
    const id = await makeUser(db);
    const url = await createSetPasswordLink(db, id, 'https://botcamp.example/', T0, 24, {
      locale: 'es',
      next: '/es/courses/x?y=1',
    });
    expect(url).toMatch(
      /^https:\/\/botcamp\.example\/es\/reset-password\/[a-z2-7]{32}\?next=%2Fes%2Fcourses%2Fx%3Fy%3D1$/,
    );
  });
});

describe('requestPasswordReset timing', () => {
  it('answers before any token is written or e-mail sent, so a known address costs no more', async () => {
    await makeUser(db);
    const deferred: Promise<void>[] = [];
    expect(
      await requestPasswordReset(
        db,
        mailer,
        { email: 'ada@example.org', ip: '', siteUrl: SITE, locale: 'en' },
        T0,
        (work) => deferred.push(work),
      ),
    ).toEqual({ ok: true, value: undefined });
    expect(deferred).toHaveLength(1);
    expect(await db.read.select().from(passwordResetTokens)).toEqual([]);
    expect(mailer.sent).toHaveLength(0);
    await deferred[0];
    expect(await db.read.select().from(passwordResetTokens)).toHaveLength(1);
    expect(mailer.sent).toHaveLength(1);
    // An unknown address leaves no work at all.
    const none: Promise<void>[] = [];
    await requestPasswordReset(
      db,
      mailer,
      { email: 'nobody@example.org', ip: '', siteUrl: SITE, locale: 'en' },
      T0,
      (work) => none.push(work),
    );
    expect(none).toEqual([]);
  });
});
