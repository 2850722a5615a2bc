import { createDemoAccounts } from '../lib/auth/demo-accounts';
import { readValuesVersion } from '../lib/content/values-version';
import { databaseConfig, openDatabase } from '../lib/db';

// `npm start`: demo accounts on a brand-new database, their passwords shown this once.
const db = await openDatabase(databaseConfig(process.env));
const accounts = await createDemoAccounts(db, readValuesVersion(process.cwd()));
if (accounts.length) {
  console.log('\nbotcamp: created demo accounts (shown only this once):');
  for (const a of accounts)
    console.log(`  ${a.role.padEnd(10)} ${a.email}  password: ${a.password}`);
  console.log('');
}
await db.close();
