import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a SQLite migration here and a PostgreSQL one beside it: change
// both schema files together (a unit test fails when they differ).
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.sqlite.ts',
  out: './db/migrations/sqlite',
});
