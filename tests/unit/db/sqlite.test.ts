import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { count, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, openDatabase } from '~/lib/db';
import { backupSqlite } from '~/lib/db/backup';
import { reuseStatements } from '~/lib/db/sqlite';
import { enroll } from '~/lib/enrollment/enrollment';
import { recordLessonView } from '~/lib/progress/progress';
import { enrollments, lessonProgress, users } from '~db/schema';
import { worstLag } from '../event-loop';

const dir = mkdtempSync(join(tmpdir(), 'botcamp-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `db-${++n}.sqlite`);

describe('SQLite file databases', () => {
  it('comes up when several opens race on one empty file', async () => {
    const path = file();
    const dbs = await Promise.all(Array.from({ length: 5 }, () => openDatabase(path)));
    for (const db of dbs) expect((await db.read.select({ n: count() }).from(users))[0]?.n).toBe(0);
    await Promise.all(dbs.map((db) => db.close()));
  });

  it('keeps 200 concurrent enrollments and progress writes, none failing', async () => {
    const db = await openDatabase(file());
    const ids = await db.write((tx) =>
      tx
        .insert(users)
        .values(
          Array.from({ length: 100 }, (_, i) => ({
            email: `l${i}@example.org`,
            displayName: `L${i}`,
          })),
        )
        .returning({ id: users.id }),
    );
    const results = await Promise.allSettled(
      ids.flatMap(({ id }) => [
        enroll(db, { userId: id, courseSlug: 'course', source: 'free' }),
        recordLessonView(db, id, 'course', 'intro'),
      ]),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await db.read.select({ n: count() }).from(enrollments))[0]?.n).toBe(100);
    expect((await db.read.select({ n: count() }).from(lessonProgress))[0]?.n).toBe(100);
    await db.close();
  });

  it('waits for a write lock held by another process without blocking the thread, and reads go on', async () => {
    const path = file();
    const db = await openDatabase(path);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const write = db.write((tx) =>
      tx.insert(users).values({ email: 'late@example.org', displayName: 'Late' }),
    );
    const { lagMs } = await worstLag(
      (async () => {
        // Reads answer at once while the writer waits.
        expect((await db.read.select({ n: count() }).from(users))[0]?.n).toBe(0);
        await new Promise((r) => setTimeout(r, 300));
        other.exec('COMMIT');
        await write;
      })(),
    );
    // Waiting on this thread would stall it for the whole 300 ms hold; half of it leaves room for
    // a busy machine.
    expect(lagMs).toBeLessThan(150);
    expect((await db.read.select({ n: count() }).from(users))[0]?.n).toBe(1);
    other.close();
    await db.close();
  });

  it('gives up on a lock held too long with a "busy" error, and works again afterwards', async () => {
    const path = file();
    const db = await openDatabase(path, {});
    await db.close();
    const impatient = await openDatabase({ engine: 'sqlite', path, busyTimeoutMs: 200 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const failed = await impatient
      .write((tx) => tx.insert(users).values({ email: 'x@example.org', displayName: 'X' }))
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DatabaseUnavailableError);
    expect((failed as DatabaseUnavailableError).reason).toBe('busy');
    expect(Date.now() - started).toBeLessThan(2_000);
    other.exec('ROLLBACK');
    other.close();
    await impatient.write((tx) =>
      tx.insert(users).values({ email: 'x@example.org', displayName: 'X' }),
    );
    expect((await impatient.read.select({ n: count() }).from(users))[0]?.n).toBe(1);
    await impatient.close();
  });

  it('commits relaxed writes without an fsync of their own and every other write with one', async () => {
    const db = await openDatabase(file());
    // PRAGMA synchronous read inside the transaction: 1 is NORMAL, 2 is FULL.
    const level = async (tx: Parameters<Parameters<typeof db.write>[0]>[0]) =>
      tx.all<{ synchronous: number }>(sql`PRAGMA synchronous`)[0]?.synchronous;
    expect(await db.write(level)).toBe(2);
    expect(await db.write(level, { durability: 'relaxed' })).toBe(1);
    // Back to FULL afterwards, also when the relaxed work failed.
    expect(await db.write(level)).toBe(2);
    await expect(
      db.write(async () => Promise.reject(new Error('halfway')), { durability: 'relaxed' }),
    ).rejects.toThrow('halfway');
    expect(await db.write(level, { durability: 'durable' })).toBe(2);
    await db.close();
  });

  it('rolls a transaction back whole when its work throws', async () => {
    const db = await openDatabase(file());
    await expect(
      db.write(async (tx) => {
        await tx.insert(users).values({ email: 'a@example.org', displayName: 'A' });
        throw new Error('halfway');
      }),
    ).rejects.toThrow('halfway');
    expect((await db.read.select({ n: count() }).from(users))[0]?.n).toBe(0);
    await db.write((tx) => tx.insert(users).values({ email: 'a@example.org', displayName: 'A' }));
    expect((await db.read.select({ n: count() }).from(users))[0]?.n).toBe(1);
    await db.close();
  });

  it('refuses a database migrated by newer code, saying why', async () => {
    const path = file();
    await (await openDatabase(path)).close();
    const raw = new Database(path);
    raw
      .prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)')
      .run('future', Date.UTC(2099, 0, 1));
    raw.close();
    await expect(openDatabase(path)).rejects.toThrow(
      /migrated by a newer version of Botcamp.*2099-01-01/,
    );
  });

  it('takes a backup while writes go on, and the copy passes its integrity check', async () => {
    const path = file();
    const db = await openDatabase(path);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await db.write((tx) =>
          tx
            .insert(users)
            .values({ email: `w${written}@example.org`, displayName: `W ${written}` }),
        );
        written++;
        // Requests arrive between writes; without a macrotask turn this loop would never let the backup run.
        await new Promise((r) => setImmediate(r));
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    const target = join(dir, 'backup.sqlite');
    const result = await backupSqlite(path, target);
    writing = false;
    await writer;
    expect(result.integrity).toBe('ok');
    const copy = new Database(target, { readonly: true });
    const copied = (copy.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(copied).toBeGreaterThan(0);
    expect(copied).toBeLessThanOrEqual(written);
    await expect(backupSqlite(path, target)).rejects.toThrow(/already exists/);
    await db.close();
  });
});

describe('reuseStatements', () => {
  it('compiles each query text once and still gives every caller the rows it asked for, as objects or raw', () => {
    const conn = new Database(':memory:');
    let compiled = 0;
    const compile = conn.prepare.bind(conn);
    conn.prepare = ((source: string) => (compiled++, compile(source))) as typeof conn.prepare;
    reuseStatements(conn, 2);
    conn.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y')");
    const select = 'SELECT a, b FROM t WHERE a = ?';
    expect(conn.prepare(select).raw().all(1)).toEqual([[1, 'x']]);
    // The same statement comes back out of raw mode for a caller that wants objects.
    expect(conn.prepare(select).all(2)).toEqual([{ a: 2, b: 'y' }]);
    expect(compiled).toBe(1);
    // Past the limit the least recently used text is compiled again when it returns.
    conn.prepare('SELECT 1');
    conn.prepare('SELECT 2');
    expect(conn.prepare(select).get(1)).toEqual({ a: 1, b: 'x' });
    expect(compiled).toBe(4);
    conn.close();
  });
});
