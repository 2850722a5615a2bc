import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describeDatabase, type DatabaseConfig } from './config.ts';
import { isRetryableTransaction } from './errors.ts';
import { pendingMigrations, readMigrations, statementsOf } from './migrations.ts';
import type { Db, Query } from './types.ts';

type PostgresConfig = Extract<DatabaseConfig, { engine: 'postgres' }>;

/** Any fixed number works; it only has to be the same for every Botcamp server. */
const MIGRATION_LOCK = 4_212_026;
const TRANSACTION_ATTEMPTS = 3;

/**
 * Opens a PostgreSQL connection pool. Connections are made on demand, so when the database goes
 * away queries fail (the pages answer 503) and the pool reconnects by itself when it returns.
 */
export async function openPostgres(
  config: PostgresConfig,
  options: { migrate?: boolean; log?: (line: string) => void } = {},
): Promise<Db> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: config.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: config.statementTimeoutMs,
    application_name: 'botcamp',
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) =>
    log(`botcamp: a database connection was lost (${error.message}); it will be replaced`),
  );
  try {
    if (options.migrate ?? true) await migrate(pool, describeDatabase(config));
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzle(pool) as unknown as Query & {
    transaction: <T>(work: (tx: Query) => Promise<T>) => Promise<T>;
  };
  return {
    engine: 'postgres',
    label: describeDatabase(config),
    read: db,
    async write(work, options) {
      const relaxed = options?.durability === 'relaxed';
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction(async (tx) => {
            // Only this transaction's commit skips waiting for the WAL flush (see Durability).
            if (relaxed)
              await (tx as unknown as { execute: (query: SQL) => Promise<unknown> }).execute(
                sql`SET LOCAL synchronous_commit TO OFF`,
              );
            return work(tx);
          });
        } catch (error) {
          if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableTransaction(error)) throw error;
        }
      }
    },
    close: () => pool.end(),
  };
}

/** Applies pending migrations under an advisory lock, so servers starting together take turns. */
async function migrate(pool: pg.Pool, where: string): Promise<void> {
  const all = readMigrations('postgres');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS drizzle');
    await client.query(
      'CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)',
    );
    const { rows } = await client.query<{ at: string }>(
      'SELECT created_at AS at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1',
    );
    for (const migration of pendingMigrations(all, rows[0] ? Number(rows[0].at) : null, where)) {
      for (const statement of statementsOf(migration)) await client.query(statement);
      await client.query(
        'INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)',
        [migration.hash, migration.folderMillis],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
