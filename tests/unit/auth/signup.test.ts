import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { logIn, setDisabled } from '~/lib/auth/account';
import { resetPassword, verifyResetToken } from '~/lib/auth/password-reset';
import { signUp, type SignUpInput, type SignUpOutcome } from '~/lib/auth/signup';
import type { Db } from '~/lib/db';
import { users } from '~db/schema';
import { freshDb } from '../fixtures';
import { HOUR, PASSWORD, T0, at, makeUser, memoryMailer } from './helpers';

const SITE = 'https://botcamp.example';
let db: Db;
let mailer: ReturnType<typeof memoryMailer>;
beforeEach(async () => {
  db = await freshDb();
  mailer = memoryMailer();
});

const form: SignUpInput = {
  email: 'Ada@Example.org',
  displayName: '  Ada Lovelace ',
  acceptValues: true,
  valuesVersion: 3,
  locale: 'en',
  ip: '203.0.113.9',
  siteUrl: SITE,
};

/** A sign-up, its answer, and what the work after the answer did (awaited). */
async function signUpAndFinish(
  input: Partial<SignUpInput> = {},
  now = T0,
  rule = { limit: 60, windowMs: HOUR },
) {
  const pending: (() => Promise<SignUpOutcome>)[] = [];
  const answer = await signUp(db, mailer, { ...form, ...input }, now, rule, (work) =>
    pending.push(work),
  );
  return { answer, outcomes: await Promise.all(pending.map((work) => work())) };
}

function linkIn(text: string | undefined): string {
  const token = /\/reset-password\/([a-z2-7]{32})/.exec(text ?? '')?.[1];
  if (!token) throw new Error(`no link in ${text}`);
  return token;
}

describe('signUp', () => {
  it('answers a new and a taken address alike, and does the address-dependent work after answering', async () => {
    await makeUser(db, 'taken@example.org', PASSWORD, 'Owner');
    const pending: (() => Promise<SignUpOutcome>)[] = [];
    const defer = (work: () => Promise<SignUpOutcome>) => pending.push(work);
    const fresh = await signUp(
      db,
      mailer,
      { ...form, email: 'new@example.org' },
      T0,
      undefined,
      defer,
    );
    const taken = await signUp(
      db,
      mailer,
      { ...form, email: 'TAKEN@example.org' },
      T0,
      undefined,
      defer,
    );
    expect(fresh).toEqual({ ok: true, value: undefined });
    expect(taken).toEqual(fresh);
    // Nothing about either address has been looked up or written yet.
    expect(await db.read.select({ email: users.email }).from(users)).toEqual([
      { email: 'taken@example.org' },
    ]);
    expect(mailer.sent).toHaveLength(0);
    expect(await Promise.all(pending.map((work) => work()))).toEqual(['link-sent', 'owner-warned']);
  });

  it('creates a new address without a password and mails a link that sets the first one and proves the address', async () => {
    const { answer, outcomes } = await signUpAndFinish({ locale: 'es', next: '/es/courses/x' });
    expect(answer.ok).toBe(true);
    expect(outcomes).toEqual(['link-sent']);
    const [row] = await db.read.select().from(users);
    expect(row).toMatchObject({
      email: 'ada@example.org',
      displayName: 'Ada Lovelace',
      passwordHash: null,
      locale: 'es',
      valuesVersion: 3,
      valuesAcceptedAt: T0,
    });
    // Nobody can sign in before the link is used, whatever they try.
    expect(
      await logIn(db, { email: 'ada@example.org', password: PASSWORD, ip: '203.0.113.9' }, T0),
    ).toMatchObject({ ok: false, error: 'invalid-credentials' });

    const mail = mailer.sent[0]!;
    expect(mail.to).toBe('ada@example.org');
    expect(mail.subject).toBe('Termina de crear tu cuenta de Botcamp');
    expect(mail.text).toContain(`${SITE}/es/reset-password/`);
    expect(mail.text).toContain('?next=%2Fes%2Fcourses%2Fx');
    const token = linkIn(mail.text);
    expect(mail.redact?.some((r) => r.includes(token))).toBe(true);
    expect(await verifyResetToken(db, token, at(23 * HOUR))).toEqual({
      userId: row!.id,
      hasPassword: false,
    });
    expect(await resetPassword(db, { token, password: PASSWORD }, at(HOUR))).toEqual({
      ok: true,
      value: { userId: row!.id, firstPassword: true },
    });
    expect(
      (
        await logIn(
          db,
          { email: 'ada@example.org', password: PASSWORD, ip: '203.0.113.9' },
          at(HOUR),
        )
      ).ok,
    ).toBe(true);
  });

  it("leaves a finished account untouched and tells its owner, in the owner's language, with links to log in or reset", async () => {
    const id = await makeUser(db, 'ada@example.org', PASSWORD, 'Ada');
    await db.write((tx) => tx.update(users).set({ locale: 'es' }).where(eq(users.id, id)));
    const [before] = await db.read.select().from(users);
    const { outcomes } = await signUpAndFinish({ displayName: 'Mallory', locale: 'en' });
    expect(outcomes).toEqual(['owner-warned']);
    expect(await db.read.select().from(users)).toEqual([before]);
    const mail = mailer.sent[0]!;
    expect(mail.subject).toBe('Alguien intentó registrarse en Botcamp con tu dirección');
    expect(mail.text).toContain('Hola, Ada:');
    expect(mail.text).toContain(`${SITE}/es/login`);
    expect(mail.text).toContain(`${SITE}/es/forgot-password`);
    expect(mail.text).not.toMatch(/reset-password\//);
  });

  it('hands an unfinished account to the latest sign-up: its name and a fresh link; the earlier link dies', async () => {
    const first = await signUpAndFinish({ displayName: 'Someone Else' });
    expect(first.outcomes).toEqual(['link-sent']);
    const earlier = linkIn(mailer.sent[0]?.text);
    const second = await signUpAndFinish({ displayName: 'Ada' }, at(10 * 60_000));
    expect(second.outcomes).toEqual(['link-sent']);
    const [row] = await db.read.select().from(users);
    expect(row?.displayName).toBe('Ada');
    expect(await verifyResetToken(db, earlier, at(11 * 60_000))).toBeNull();
    expect(
      await verifyResetToken(db, linkIn(mailer.sent[1]?.text), at(11 * 60_000)),
    ).not.toBeNull();
    expect(mailer.sent[1]?.text).toContain('Ada');
  });

  it('sends nothing for a disabled account', async () => {
    const id = await makeUser(db, 'ada@example.org');
    await setDisabled(db, null, id, true, T0);
    const { answer, outcomes } = await signUpAndFinish();
    expect(answer.ok).toBe(true);
    expect(outcomes).toEqual(['skipped']);
    expect(mailer.sent).toHaveLength(0);
  });

  it('mails one address at most 3 times an hour, still answering the same', async () => {
    for (let i = 0; i < 3; i++)
      expect((await signUpAndFinish({}, at(i * 60_000))).outcomes).toEqual(['link-sent']);
    const fourth = await signUpAndFinish({}, at(4 * 60_000));
    expect(fourth.answer.ok).toBe(true);
    expect(fourth.outcomes).toEqual(['skipped']);
    expect(mailer.sent).toHaveLength(3);
    expect((await signUpAndFinish({}, at(HOUR + 60_000))).outcomes).toEqual(['link-sent']);
  });

  it('throttles per client address before anything else, and lets other clients through', async () => {
    const rule = { limit: 2, windowMs: HOUR };
    const from = (email: string, ip: string, now = T0) => signUpAndFinish({ email, ip }, now, rule);
    expect((await from('a1@example.org', '203.0.113.9')).answer.ok).toBe(true);
    expect((await from('a2@example.org', '203.0.113.9')).answer.ok).toBe(true);
    const refused = await from('a3@example.org', '203.0.113.9');
    expect(refused.answer).toMatchObject({ ok: false, error: 'throttled' });
    expect(
      !refused.answer.ok &&
        'retryAfterSeconds' in refused.answer &&
        refused.answer.retryAfterSeconds,
    ).toBeGreaterThan(0);
    expect(refused.outcomes).toEqual([]);
    expect((await from('b1@example.org', '198.51.100.4')).answer.ok).toBe(true);
    expect((await from('a3@example.org', '203.0.113.9', at(HOUR + 60_000))).answer.ok).toBe(true);
    expect((await db.read.select().from(users)).map((u) => u.email).sort()).toEqual([
      'a1@example.org',
      'a2@example.org',
      'a3@example.org',
      'b1@example.org',
    ]);
  });

  it('makes one account of two sign-ups of a new address at once', async () => {
    const [a, b] = await Promise.all([
      signUpAndFinish({ displayName: 'Ada' }),
      signUpAndFinish({ email: 'ADA@example.org', displayName: 'Ada' }),
    ]);
    expect([...a.outcomes, ...b.outcomes]).toEqual(['link-sent', 'link-sent']);
    expect(await db.read.select().from(users)).toHaveLength(1);
  });

  it('reports a problem with the form by field, before anything is counted or stored', async () => {
    expect((await signUpAndFinish({ email: 'nope' })).answer).toEqual({
      ok: false,
      error: 'email-invalid',
      field: 'email',
    });
    expect((await signUpAndFinish({ displayName: ' ' })).answer).toEqual({
      ok: false,
      error: 'name-invalid',
      field: 'displayName',
    });
    expect((await signUpAndFinish({ acceptValues: false })).answer).toEqual({
      ok: false,
      error: 'values-not-accepted',
      field: 'acceptValues',
    });
    expect(await db.read.select().from(users)).toHaveLength(0);
    await expect(signUpAndFinish({ valuesVersion: 0 })).rejects.toThrow(RangeError);
  });
});
