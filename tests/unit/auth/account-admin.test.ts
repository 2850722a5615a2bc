import { beforeEach, describe, expect, it } from 'vitest';
import { createUser, setDisabled, setRole } from '~/lib/auth/account';
import { createSession, generateSessionToken, validateSessionToken } from '~/lib/auth/session';
import type { Db } from '~/lib/db';
import { auditLog, users } from '~db/schema';
import { freshDb } from '../fixtures';
import { T0 } from './helpers';

let db: Db;
let adminId: number;
beforeEach(() => {
  db = freshDb();
  const r = createUser(db, { email: 'Root@Example.org', displayName: 'Root', role: 'admin' }, T0);
  if (!r.ok) throw new Error(r.error);
  adminId = r.value.userId;
});

function learner(email = 'ada@example.org'): number {
  const r = createUser(db, { email, displayName: 'Ada', actorId: adminId }, T0);
  if (!r.ok) throw new Error(r.error);
  return r.value.userId;
}

describe('createUser', () => {
  it('creates a password-less account and audits it', () => {
    const id = learner();
    expect(db.select().from(users).all().find((u) => u.id === id)).toMatchObject({ email: 'ada@example.org', role: 'learner', passwordHash: null });
    expect(db.select().from(auditLog).all().map((a) => [a.action, a.actorId, a.subjectUserId])).toEqual([
      ['user.created', null, adminId],
      ['user.created', adminId, id],
    ]);
  });

  it('validates input and refuses duplicates and non-admin actors', () => {
    const id = learner();
    expect(createUser(db, { email: 'ADA@example.org', displayName: 'Ada' })).toEqual({ ok: false, error: 'email-taken', field: 'email' });
    expect(createUser(db, { email: 'x', displayName: 'X' })).toMatchObject({ error: 'email-invalid' });
    expect(createUser(db, { email: 'x@example.org', displayName: '' })).toMatchObject({ error: 'name-invalid' });
    expect(createUser(db, { email: 'x@example.org', displayName: 'X', role: 'root' as never })).toMatchObject({ error: 'role-invalid' });
    expect(createUser(db, { email: 'x@example.org', displayName: 'X', actorId: id })).toEqual({ ok: false, error: 'forbidden' });
  });
});

describe('setRole', () => {
  it('changes the role, ends the sessions and writes the audit log', () => {
    const id = learner();
    const token = generateSessionToken();
    createSession(db, token, id, T0);
    expect(setRole(db, adminId, id, 'instructor', T0)).toEqual({ ok: true, value: undefined });
    expect(validateSessionToken(db, token, T0)).toBeNull();
    const entry = db.select().from(auditLog).all().at(-1);
    expect(entry).toMatchObject({ action: 'user.role-changed', actorId: adminId, subjectUserId: id });
    expect(JSON.parse(entry?.detail ?? '')).toEqual({ from: 'learner', to: 'instructor' });
  });

  it('refuses non-admins, unknown roles and users, and removing the last admin', () => {
    const id = learner();
    expect(setRole(db, id, id, 'admin')).toEqual({ ok: false, error: 'forbidden' });
    expect(setRole(db, adminId, id, 'root')).toEqual({ ok: false, error: 'role-invalid', field: 'role' });
    expect(setRole(db, adminId, 999, 'learner')).toEqual({ ok: false, error: 'user-not-found' });
    expect(setRole(db, adminId, adminId, 'learner')).toEqual({ ok: false, error: 'last-admin' });
    expect(setRole(db, null, id, 'admin').ok).toBe(true);
    expect(setRole(db, id, adminId, 'learner').ok).toBe(true);
  });
});

describe('setDisabled', () => {
  it('disables (ending sessions) and re-enables, audited', () => {
    const id = learner();
    const token = generateSessionToken();
    createSession(db, token, id, T0);
    expect(setDisabled(db, adminId, id, true, T0).ok).toBe(true);
    expect(validateSessionToken(db, token, T0)).toBeNull();
    expect(setDisabled(db, adminId, id, false, T0).ok).toBe(true);
    expect(db.select().from(users).all().find((u) => u.id === id)?.disabledAt).toBeNull();
    expect(db.select().from(auditLog).all().slice(-2).map((a) => a.action)).toEqual(['user.disabled', 'user.enabled']);
    expect(setDisabled(db, null, adminId, true)).toEqual({ ok: false, error: 'last-admin' });
  });
});
