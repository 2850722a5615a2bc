import { sql } from 'drizzle-orm';
import { boundEngine } from '../../../db/schema.ts';
import type { Query } from './types.ts';

/**
 * Serialises transactions that read, decide and then insert rows no constraint can guard (a
 * throttle counter: "fewer than 5 rows, so add one"). On SQLite the write transaction already
 * holds the database's only write lock. On PostgreSQL this takes a transaction-scoped advisory
 * lock per key (sorted, so two transactions cannot deadlock on them); it ends with the
 * transaction.
 * @example await db.write(async (tx) => { await lockKeys(tx, ['reset:ip:203.0.113.9']); … });
 */
export async function lockKeys(tx: Query, keys: string[]): Promise<void> {
  if (boundEngine !== 'postgres') return;
  const pg = tx as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> };
  for (const key of [...new Set(keys)].sort())
    await pg.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
