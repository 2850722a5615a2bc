import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { DatabaseUnavailableError } from './errors.ts';
import { pendingMigrations, readMigrations, statementsOf } from './migrations.ts';
import type { Db, Query } from './types.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isBusy = (e: unknown) =>
  (e as { code?: string }).code === 'SQLITE_BUSY' ||
  (e as { code?: string }).code === 'SQLITE_LOCKED';

/**
 * Takes SQLite's write lock (BEGIN IMMEDIATE) without blocking the thread: busy_timeout would
 * sleep inside the driver and freeze every other request while another process (a CLI import, a
 * backup, another server) holds the lock, so the connection has busy_timeout 0 and this retries
 * on a timer instead, then gives up with a 503-able error.
 */
async function beginImmediate(conn: Database.Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      conn.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline)
        throw new DatabaseUnavailableError(
          'busy',
          `The database is busy (its write lock was held for more than ${timeoutMs} ms).`,
          { cause: error },
        );
      await sleep(wait + Math.random() * wait);
    }
  }
}

/**
 * drizzle compiles every query anew (a sqlite3_prepare per query, a tenth of a lesson page's
 * CPU). A statement is compiled SQL, never data, so reusing the most recent ones on the same
 * connection is always correct (SQLite recompiles a statement by itself after a schema change).
 * Parameters are bound, so the texts are the code's query shapes; the limit only matters for
 * shapes that vary with input (a multi-row insert), which then take turns.
 */
export function reuseStatements(conn: Database.Database, limit = 256): void {
  const compile = conn.prepare.bind(conn);
  const kept = new Map<string, Database.Statement>();
  conn.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) kept.delete(source);
    else statement = compile(source);
    kept.set(source, statement);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    // drizzle switches a statement to raw rows for some reads; every use starts from the default.
    if (statement.reader) statement.raw(false);
    return statement;
  }) as typeof conn.prepare;
}

/** A queue of one: the writer connection runs one transaction at a time. */
function serialiser(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Opens (and creates) a SQLite database: one writer connection whose transactions are
 * serialised here, and one read-only connection for everything else (WAL lets it read while a
 * write is in progress). `':memory:'` gives a private single-connection database for tests.
 *
 * synchronous=FULL: an acknowledged write (a paid enrollment, a completed lesson) must survive a
 * power loss, and at this scale the fsync per commit costs less than a lost webhook. Writes marked
 * `relaxed` (see Durability) commit with NORMAL instead: in WAL mode that skips the fsync but
 * stays atomic, and the next FULL commit syncs the WAL up to and including them.
 */
export async function openSqlite(
  file: string,
  options: { migrate?: boolean; busyTimeoutMs?: number } = {},
): Promise<Db> {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(file)), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  const writer = new Database(file);
  writer.pragma('busy_timeout = 0');
  // Setting WAL needs the lock briefly; a brand-new file opened by several servers at once waits for it.
  await retryWhileBusy(() => writer.pragma('journal_mode = WAL'), 30_000);
  writer.pragma('foreign_keys = ON');
  writer.pragma('synchronous = FULL');
  reuseStatements(writer);
  // Compiled once: better-sqlite3's pragma() compiles its statement on every call, and a relaxed
  // write switches the level twice, on every lesson view and chat message (6 µs against 1, warm).
  const relaxCommits = writer.prepare('PRAGMA synchronous = NORMAL');
  const restoreCommits = writer.prepare('PRAGMA synchronous = FULL');
  const serialise = serialiser();
  if (options.migrate ?? true) await serialise(() => migrate(writer, file, 30_000));
  const reader = memory ? writer : new Database(file);
  if (!memory) {
    reader.pragma('busy_timeout = 1000');
    reader.pragma('query_only = ON');
    reuseStatements(reader);
  }
  const writeDb = drizzle(writer) as Query;
  const readDb = memory ? writeDb : (drizzle(reader) as Query);
  return {
    engine: 'sqlite',
    label: `SQLite at ${file}`,
    read: readDb,
    write: (work, options) =>
      serialise(async () => {
        // The setting applies to this connection's next commits, and only this job is running on it.
        const relaxed = options?.durability === 'relaxed';
        if (relaxed) relaxCommits.run();
        try {
          await beginImmediate(writer, busyTimeoutMs);
          try {
            const result = await work(writeDb);
            writer.exec('COMMIT');
            return result;
          } catch (error) {
            if (writer.inTransaction) writer.exec('ROLLBACK');
            throw error;
          }
        } finally {
          if (relaxed) restoreCommits.run();
        }
      }),
    close: async () => {
      await serialise(async () => undefined);
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
}

async function retryWhileBusy<T>(fn: () => T, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await sleep(5 + Math.random() * 20);
    }
  }
}

/**
 * Applies pending migrations in one IMMEDIATE transaction (so concurrent starts take turns).
 * Foreign keys are off while it runs, because drizzle-kit's table rebuilds drop and recreate
 * parent tables and SQLite ignores `PRAGMA foreign_keys` inside a transaction: with them on, a
 * rebuild would cascade-delete child rows. `foreign_key_check` must then find nothing before the
 * commit.
 */
async function migrate(conn: Database.Database, file: string, timeoutMs: number): Promise<void> {
  const all = readMigrations('sqlite');
  conn.pragma('foreign_keys = OFF');
  try {
    await beginImmediate(conn, timeoutMs);
    try {
      conn.exec(
        'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
      );
      const last = conn
        .prepare(
          'SELECT created_at AS at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1',
        )
        .get() as { at: number | string } | undefined;
      for (const migration of pendingMigrations(
        all,
        last ? Number(last.at) : null,
        `SQLite at ${file}`,
      )) {
        for (const statement of statementsOf(migration)) conn.exec(statement);
        conn
          .prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)')
          .run(migration.hash, migration.folderMillis);
      }
      const broken = conn.pragma('foreign_key_check') as unknown[];
      if (broken.length)
        throw new Error(
          `A migration left ${broken.length} row(s) whose foreign keys point nowhere; nothing was changed.`,
        );
      conn.exec('COMMIT');
    } catch (error) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw error;
    }
  } finally {
    conn.pragma('foreign_keys = ON');
  }
}
