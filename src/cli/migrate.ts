import { openDatabase } from '../lib/db';

// `npm run db:migrate`: applies pending migrations to DATABASE_PATH (the server also does on start).
const path = process.env.DATABASE_PATH ?? 'data/botcamp.db';
openDatabase(path).$client.close();
console.log(`botcamp: database ${path} is up to date`);
