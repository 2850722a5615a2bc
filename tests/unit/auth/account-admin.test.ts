import { beforeEach, describe, expect, it } from 'vitest';
import { createUser, setDisabled, setRole } from '~/lib/auth/account';
import { createSession, generateSessionToken, validateSessionToken } from '~/lib/auth/session';
import type { Db } from '~/lib/db';
import { auditLog, users } from '~db/schema';
import { freshDb } from '../fixtures';
import { T0 } from './helpers';

let db: Db;
let adminId: number;
beforeEach(async () => {
  db = await freshDb();
  const r = await createUser(
    db,
    { email: 'Root@Example.org', displayName: 'Root', role: 'admin' },
    T0,
  );
  if (!r.ok) throw new Error(r.error);
  adminId = r.value.userId;
});

async function learner(email = 'ada@example.org'): Promise<number> {
  const r = await createUser(db, { email, displayName: 'Ada', actorId: adminId }, T0);
  if (!r.ok) throw new Error(r.error);
  return r.value.userId;
}

/** The audit trail in the order it was written. */
function auditRows() {
  return db.read.select().from(auditLog).orderBy(auditLog.id);
}

describe('createUser', () => {
  it('creates a password-less account and audits it', async () => {
    const id = await learner();
    expect((await db.read.select().from(users)).find((u) => u.id === id)).toMatchObject({
      email: 'ada@example.org',
      role: 'learner',
      passwordHash: null,
    });
    expect((await auditRows()).map((a) => [a.action, a.actorId, a.subjectUserId])).toEqual([
      ['user.created', null, adminId],
      ['user.created', adminId, id],
    ]);
  });

  it('validates input and refuses duplicates and non-admin actors', async () => {
    const id = await learner();
    expect(await createUser(db, { email: 'ADA@example.org', displayName: 'Ada' })).toEqual({
      ok: false,
      error: 'email-taken',
      field: 'email',
    });
    expect(await createUser(db, { email: 'x', displayName: 'X' })).toMatchObject({
      error: 'email-invalid',
    });
    expect(await createUser(db, { email: 'x@example.org', displayName: '' })).toMatchObject({
      error: 'name-invalid',
    });
    expect(
      await createUser(db, { email: 'x@example.org', displayName: 'X', role: 'root' as never }),
    ).toMatchObject({ error: 'role-invalid' });
    expect(await createUser(db, { email: 'x@example.org', displayName: 'X', actorId: id })).toEqual(
      { ok: false, error: 'forbidden' },
    );
  });
});

describe('setRole', () => {
  it('changes the role, ends the sessions and writes the audit log', async () => {
    const id = await learner();
    const token = generateSessionToken();
    await createSession(db, token, id, T0);
    expect(await setRole(db, adminId, id, 'instructor', T0)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await validateSessionToken(db, token, T0)).toBeNull();
    const entry = (await auditRows()).at(-1);
    expect(entry).toMatchObject({
      action: 'user.role-changed',
      actorId: adminId,
      subjectUserId: id,
    });
    expect(JSON.parse(entry?.detail ?? '')).toEqual({ from: 'learner', to: 'instructor' });
  });

  it('refuses non-admins, unknown roles and users, and removing the last admin', async () => {
    const id = await learner();
    expect(await setRole(db, id, id, 'admin')).toEqual({ ok: false, error: 'forbidden' });
    expect(await setRole(db, adminId, id, 'root')).toEqual({
      ok: false,
      error: 'role-invalid',
      field: 'role',
    });
    expect(await setRole(db, adminId, 999, 'learner')).toEqual({
      ok: false,
      error: 'user-not-found',
    });
    expect(await setRole(db, adminId, adminId, 'learner')).toEqual({
      ok: false,
      error: 'last-admin',
    });
    expect((await setRole(db, null, id, 'admin')).ok).toBe(true);
    expect((await setRole(db, id, adminId, 'learner')).ok).toBe(true);
  });
});

describe('setDisabled', () => {
  it('disables (ending sessions) and re-enables, audited', async () => {
    const id = await learner();
    const token = generateSessionToken();
    await createSession(db, token, id, T0);
    expect((await setDisabled(db, adminId, id, true, T0)).ok).toBe(true);
    expect(await validateSessionToken(db, token, T0)).toBeNull();
    expect((await setDisabled(db, adminId, id, false, T0)).ok).toBe(true);
    expect((await db.read.select().from(users)).find((u) => u.id === id)?.disabledAt).toBeNull();
    expect((await auditRows()).slice(-2).map((a) => a.action)).toEqual([
      'user.disabled',
      'user.enabled',
    ]);
    expect(await setDisabled(db, null, adminId, true)).toEqual({ ok: false, error: 'last-admin' });
  });
});
