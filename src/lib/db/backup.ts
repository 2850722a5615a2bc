import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * A consistent copy of a live SQLite database, taken with SQLite's online backup API while
 * servers keep writing (copying the file itself would leave the WAL behind), then checked with
 * `PRAGMA integrity_check`. PostgreSQL sites back up with pg_dump instead.
 */
export async function backupSqlite(
  sourcePath: string,
  destination: string,
): Promise<{ pages: number; integrity: string }> {
  if (!existsSync(sourcePath)) throw new Error(`There is no database at ${sourcePath}.`);
  if (existsSync(destination))
    throw new Error(
      `${destination} already exists; choose a new file name so no backup is overwritten.`,
    );
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await source.backup(destination);
    const copy = new Database(destination, { readonly: true });
    try {
      const integrity = String(copy.pragma('integrity_check', { simple: true }));
      if (integrity !== 'ok')
        throw new Error(`The backup at ${destination} failed its integrity check: ${integrity}`);
      return { pages: totalPages, integrity };
    } finally {
      copy.close();
    }
  } finally {
    source.close();
  }
}
