import Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { tablesOf } from '../../../db/schema.ts';
import { openDatabase } from './index.ts';
import { readMigrations } from './migrations.ts';

/**
 * Moves a site from SQLite to PostgreSQL: every row of every table, ids kept, in one PostgreSQL
 * transaction that commits only if each table's row count matches the source. The source is read
 * in one read transaction, so a server still running on it cannot make the copy inconsistent
 * (writes made after the copy started are not in it: stop the servers first for a final move).
 */

export interface TableCount {
  table: string;
  source: number;
  copied: number;
}

const BATCH_ROWS = 500;

/** Tables in an order that satisfies their foreign keys (every table refers only to users). */
function tablesInOrder() {
  const configs = Object.values(tablesOf('sqlite')).map((t) => getTableConfig(t));
  return [
    ...configs.filter((c) => c.name === 'users'),
    ...configs.filter((c) => c.name !== 'users'),
  ];
}

function convert(value: unknown, columnType: string): unknown {
  if (value === null || value === undefined) return null;
  if (columnType === 'SQLiteTimestamp') return new Date(Number(value));
  if (columnType === 'SQLiteBoolean') return Number(value) !== 0;
  return value;
}

export async function copySqliteToPostgres(
  sqlitePath: string,
  postgresUrl: string,
): Promise<TableCount[]> {
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    const known = readMigrations('sqlite').at(-1)?.folderMillis ?? 0;
    const applied = source
      .prepare('SELECT max(created_at) AS at FROM "__drizzle_migrations"')
      .get() as { at: number | null } | undefined;
    if (Number(applied?.at ?? 0) !== known)
      throw new Error(
        `${sqlitePath} is not migrated to this version: run npm run db:migrate on it first.`,
      );

    // Creates the tables on an empty database (and refuses one migrated by newer code).
    await (await openDatabase(postgresUrl, { log: () => undefined })).close();

    const target = new pg.Client({ connectionString: postgresUrl });
    await target.connect();
    try {
      await target.query('BEGIN');
      const tables = tablesInOrder();
      for (const t of tables) {
        const { rows } = await target.query<{ n: string }>(`SELECT count(*) AS n FROM "${t.name}"`);
        if (Number(rows[0]?.n) > 0)
          throw new Error(
            `The target database already holds data (table ${t.name} has ${rows[0]?.n} rows); copy only into an empty database.`,
          );
      }
      source.exec('BEGIN');
      const counts: TableCount[] = [];
      for (const t of tables) {
        const columns = t.columns.map((c) => ({ name: c.name, type: c.columnType }));
        const list = columns.map((c) => `"${c.name}"`).join(', ');
        let batch: unknown[][] = [];
        const flush = async () => {
          if (!batch.length) return;
          const values = batch
            .map(
              (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
            )
            .join(', ');
          await target.query(
            `INSERT INTO "${t.name}" (${list}) OVERRIDING SYSTEM VALUE VALUES ${values}`,
            batch.flat(),
          );
          batch = [];
        };
        for (const row of source.prepare(`SELECT ${list} FROM "${t.name}"`).iterate() as Iterable<
          Record<string, unknown>
        >) {
          batch.push(columns.map((c) => convert(row[c.name], c.type)));
          if (batch.length >= BATCH_ROWS) await flush();
        }
        await flush();
        if (columns.some((c) => c.name === 'id' && c.type === 'SQLiteInteger')) {
          // The next id PostgreSQL hands out must come after the copied ones.
          await target.query(
            `SELECT setval(pg_get_serial_sequence('"${t.name}"', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM "${t.name}"`,
          );
        }
        const sourceCount = (
          source.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }
        ).n;
        const { rows } = await target.query<{ n: string }>(`SELECT count(*) AS n FROM "${t.name}"`);
        counts.push({ table: t.name, source: sourceCount, copied: Number(rows[0]?.n) });
      }
      source.exec('COMMIT');
      const wrong = counts.filter((c) => c.source !== c.copied);
      if (wrong.length)
        throw new Error(
          `Row counts differ (${wrong.map((c) => `${c.table}: ${c.source} → ${c.copied}`).join(', ')}); nothing was copied.`,
        );
      await target.query('COMMIT');
      return counts;
    } catch (error) {
      await target.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await target.end();
    }
  } finally {
    source.close();
  }
}
