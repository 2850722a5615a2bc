import { count } from 'drizzle-orm';
import type { Db } from '~/lib/db';
import { users } from '~db/schema';
import { createAccountWithPassword, setRole } from './account';
import { randomToken } from './tokens';

export interface DemoAccount {
  email: string;
  role: 'admin' | 'instructor' | 'learner';
  password: string;
}

const DEMO = [
  { email: 'admin@botcamp.localhost', displayName: 'Demo Admin', role: 'admin' },
  // Named in content/instructors/christine-miranda.mdx, so it sees that course's report.
  { email: 'instructor@botcamp.localhost', displayName: 'Demo Instructor', role: 'instructor' },
  { email: 'learner@botcamp.localhost', displayName: 'Demo Learner', role: 'learner' },
] as const;

/**
 * First start on the embedded defaults: a demo admin, instructor and learner with random passwords,
 * only in a database with no account at all (so a real site is never touched). Returns the
 * credentials to print once, or an empty list.
 */
export async function createDemoAccounts(db: Db, valuesVersion: number): Promise<DemoAccount[]> {
  const [existing] = await db.read.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return [];
  const created: DemoAccount[] = [];
  for (const account of DEMO) {
    const password = `${randomToken(6)}-${randomToken(6)}`;
    const result = await createAccountWithPassword(db, {
      email: account.email,
      displayName: account.displayName,
      password,
      acceptValues: true,
      valuesVersion,
    });
    if (!result.ok) throw new Error(`could not create ${account.email}: ${result.error}`);
    if (account.role !== 'learner') await setRole(db, null, result.value.userId, account.role);
    created.push({ email: account.email, role: account.role, password });
  }
  return created;
}
