import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Engine } from '../../../db/schema.ts';

/**
 * The query builder domain code writes against. It is typed as drizzle's SQLite builder, and on
 * PostgreSQL it is drizzle's PostgreSQL builder with the PostgreSQL tables: the two agree on
 * everything domain code may use, which is `await`ed select, insert, update and delete with
 * where, orderBy, limit, returning and onConflictDoUpdate/DoNothing. SQLite-only calls
 * (`.get()`, `.all()`, `.run()`, `.values()`) are not allowed in src/ (a unit test checks), and
 * the result of an insert, update or delete is only read through `.returning()`.
 */
export type Query = BetterSQLite3Database;

/** Reads only: where no write may happen (outside `write`). */
export type Reader = Pick<Query, 'select' | 'selectDistinct' | '$count'>;

/**
 * How hard a commit is held to. `durable` (the default) is on disk before write() returns: a
 * payment, an enrollment, a completed lesson, an account. `relaxed` is for records whose loss in a
 * power cut costs nothing worth an fsync per page view (a lesson view's timestamp): the commit is
 * atomic and can never corrupt the database, but the last such commits before a power loss (not a
 * process crash) may be missing. SQLite commits it with synchronous=NORMAL (the next durable
 * commit syncs it too); PostgreSQL with synchronous_commit off.
 */
export type Durability = 'durable' | 'relaxed';

export interface Db {
  readonly engine: Engine;
  /** Where the data is, for logs (never a password). */
  readonly label: string;
  /** Reads. On SQLite a separate connection, so they never wait for a write in progress. */
  readonly read: Reader;
  /**
   * Runs `work` in one transaction and commits it, or rolls it back if `work` throws. On SQLite,
   * transactions are serialised in this process and the write lock is waited for without
   * blocking the thread; on PostgreSQL, a deadlock or serialization failure retries `work`, so
   * `work` must only touch the database (send e-mail after it returns).
   */
  write<T>(work: (tx: Query) => Promise<T>, options?: { durability?: Durability }): Promise<T>;
  close(): Promise<void>;
}
