import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../../db/schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where drizzle-kit writes migrations; the server runs from the project root (see README). */
export const MIGRATIONS_DIR = resolve(process.cwd(), 'db/migrations');

/**
 * Opens (and creates) a SQLite database with the pragmas every connection needs, then applies
 * pending migrations. `':memory:'` gives a private database, which is what unit tests use.
 *
 * synchronous=FULL: an acknowledged write (a paid enrollment, a completed lesson) must survive a
 * power loss, and at this scale the fsync per commit costs less than a lost webhook.
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate ?? true) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

/**
 * Runs `work` in one IMMEDIATE transaction: the write lock is taken before the first read, so a
 * read-then-write cannot interleave with another connection's. `work` must be synchronous
 * (better-sqlite3 transactions cannot span an await).
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => T): T {
  return db.$client.transaction(() => work(db)).immediate();
}
