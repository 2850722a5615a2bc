import { describe, expect, it } from 'vitest';
import { logIn } from '~/lib/auth/account';
import { createDemoAccounts } from '~/lib/auth/demo-accounts';
import { users } from '~db/schema';
import { freshDb } from '../fixtures';

describe('createDemoAccounts', () => {
  it('creates an admin, an instructor and a learner who can log in with the printed passwords', async () => {
    const db = await freshDb();
    const accounts = await createDemoAccounts(db, 1);
    expect(accounts.map((a) => a.role)).toEqual(['admin', 'instructor', 'learner']);
    for (const account of accounts) {
      const result = await logIn(db, {
        email: account.email,
        password: account.password,
        ip: '127.0.0.1',
      });
      expect(result.ok).toBe(true);
    }
    expect(
      (await db.read.select({ role: users.role }).from(users).orderBy(users.id)).map((u) => u.role),
    ).toEqual(['admin', 'instructor', 'learner']);
  }, 30_000);

  it('leaves a database that already has accounts alone', async () => {
    const db = await freshDb();
    await createDemoAccounts(db, 1);
    expect(await createDemoAccounts(db, 1)).toEqual([]);
    expect(await db.read.select().from(users)).toHaveLength(3);
  }, 30_000);
});
