import { resolve } from 'node:path';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { DatabaseTooNewError } from './errors.ts';
import type { Engine } from '../../../db/schema.ts';

/**
 * Migrations, one drizzle-kit folder per engine, applied by our own runner so that it can take
 * a lock first (several servers starting at once on one database), refuse a database migrated by
 * newer code, and (on SQLite) check foreign keys before committing a table rebuild. It keeps
 * drizzle's bookkeeping table, so `drizzle-kit migrate` and this runner agree.
 */

/** The server runs from the project root (see README), like drizzle-kit. */
export function migrationsFolder(engine: Engine): string {
  return resolve(process.cwd(), 'db/migrations', engine);
}

export function readMigrations(engine: Engine): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: migrationsFolder(engine) });
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The migrations still to apply after `lastApplied` (drizzle's `created_at` of the newest row),
 * or an error when the database has one this code does not know.
 */
export function pendingMigrations(
  all: MigrationMeta[],
  lastApplied: number | null,
  where: string,
): MigrationMeta[] {
  const newestKnown = all.at(-1)?.folderMillis ?? 0;
  if (lastApplied !== null && lastApplied > newestKnown) {
    throw new DatabaseTooNewError(
      `The database (${where}) was migrated by a newer version of Botcamp: its latest migration is from ${day(lastApplied)}, and this version knows migrations up to ${day(newestKnown)}. Run the newer version, or restore the backup taken before the upgrade.`,
    );
  }
  return all.filter((m) => lastApplied === null || m.folderMillis > lastApplied);
}

/** Statements of one migration, without drizzle-kit's breakpoint markers and blank pieces. */
export function statementsOf(migration: MigrationMeta): string[] {
  return migration.sql.map((s) => s.trim()).filter(Boolean);
}
