import pg from 'pg';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { openDatabase, type Db } from '~/lib/db';
import { tablesOf } from '~db/schema';

/**
 * The database a unit test runs on. Without BOTCAMP_TEST_DATABASE_URL every test gets a private,
 * fully migrated in-memory SQLite database. With it (the test script sets it for the PostgreSQL
 * pass), each Vitest worker gets its own database on that server, migrated once and emptied
 * before every test, so the same tests prove the same behaviour on both engines.
 */
const postgresUrl = process.env.BOTCAMP_TEST_DATABASE_URL;
export const testEngine: 'sqlite' | 'postgres' = postgresUrl ? 'postgres' : 'sqlite';

let workerDb: Promise<Db> | undefined;

/** A new, empty database on the test server (replacing one of that name); returns its URL. */
export async function emptyPostgresDatabase(
  name: string,
  serverUrl = postgresUrl,
): Promise<string> {
  if (!serverUrl) throw new Error('emptyPostgresDatabase needs BOTCAMP_TEST_DATABASE_URL');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function openWorkerDatabase(): Promise<Db> {
  const url = await emptyPostgresDatabase(
    `botcamp_test_${process.env.VITEST_POOL_ID ?? 0}_${process.pid}`,
  );
  return openDatabase(url, { log: () => undefined });
}

const tableNames = Object.values(tablesOf('sqlite')).map((t) => getTableConfig(t).name);

/** A fresh, fully migrated, empty database for one test. */
export async function freshDb(): Promise<Db> {
  if (!postgresUrl) return openDatabase(':memory:');
  workerDb ??= openWorkerDatabase();
  const db = await workerDb;
  await db.write((tx) =>
    (tx as unknown as { execute(q: string): Promise<unknown> }).execute(
      `TRUNCATE ${tableNames.map((n) => `"${n}"`).join(', ')} RESTART IDENTITY CASCADE`,
    ),
  );
  // The worker's database stays open for the next test; closing it is the process's exit.
  return { ...db, close: async () => undefined };
}

/** Every row of a table as JSON text: for asserting that a secret is stored nowhere in it. */
export async function tableAsText(db: Db, table: SQLiteTable): Promise<string> {
  return JSON.stringify(await db.read.select().from(table));
}
