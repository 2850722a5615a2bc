import { count } from 'drizzle-orm';
import { setRole, signUp } from '../lib/auth/account';
import { randomToken } from '../lib/auth/tokens';
import { readValuesVersion } from '../lib/content/values-version';
import { openDatabase } from '../lib/db';
import { users } from '../../db/schema';

/**
 * First start on the embedded defaults: creates a demo admin and a demo learner in an empty
 * database and prints their credentials once. A database that has any account is left alone.
 */
const db = openDatabase(process.env.DATABASE_PATH ?? 'data/botcamp.db');
const existing = db.select({ n: count() }).from(users).get()?.n ?? 0;
if (existing === 0) {
  const valuesVersion = readValuesVersion(process.cwd());
  const accounts = [
    { email: 'admin@botcamp.localhost', displayName: 'Demo Admin', role: 'admin' as const },
    { email: 'learner@botcamp.localhost', displayName: 'Demo Learner', role: 'learner' as const },
  ];
  console.log('\nbotcamp: created demo accounts (shown only this once):');
  for (const account of accounts) {
    const password = `demo-${randomToken(10)}`;
    const result = await signUp(db, { email: account.email, displayName: account.displayName, password, acceptValues: true, valuesVersion });
    if (!result.ok) throw new Error(`could not create ${account.email}: ${result.error}`);
    if (account.role !== 'learner') setRole(db, null, result.value.userId, account.role);
    console.log(`  ${account.role.padEnd(8)} ${account.email}  password: ${password}`);
  }
  console.log('');
}
db.$client.close();
