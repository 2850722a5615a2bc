import { databaseConfig, openDatabase } from '../lib/db';

// `npm run db:migrate`: applies pending migrations to the configured database (the server also
// does on start). DATABASE_URL (postgres://…) or DATABASE_PATH (SQLite), as for the server.
const db = await openDatabase(databaseConfig(process.env));
await db.close();
console.log(`botcamp: ${db.label} is up to date`);
