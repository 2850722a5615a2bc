import { createServer, connect, type Server, type Socket } from 'node:net';
import { count, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { checkThrottle, recordFailure } from '~/lib/auth/throttle';
import { isDatabaseUnavailable, openDatabase, type Db } from '~/lib/db';
import { readMigrations } from '~/lib/db/migrations';
import { enroll } from '~/lib/enrollment/enrollment';
import { enrollments, users } from '~db/schema';
import { emptyPostgresDatabase as emptyDatabase, testEngine } from '../fixtures';

/** PostgreSQL-only behaviour; runs in the PostgreSQL pass of the suite. */

/** A TCP relay in front of the server that can be cut and restored, like a network outage. */
async function relay(target: URL): Promise<{
  url: (db: string) => string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server ? server.close(() => resolve()) : resolve();
      server = null;
    });
  await listen();
  return {
    url: (db) => `postgres://${target.username}@127.0.0.1:${port}/${db}`,
    cut: stop,
    restore: listen,
    close: stop,
  };
}

describe.runIf(testEngine === 'postgres')('PostgreSQL', () => {
  const opened: Db[] = [];
  const open = async (url: string, options = {}) => {
    const db = await openDatabase(url, { log: () => undefined, ...options });
    opened.push(db);
    return db;
  };
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
  });

  it('comes up when several servers migrate one empty database at the same moment', async () => {
    const url = await emptyDatabase('botcamp_race');
    const dbs = await Promise.all(Array.from({ length: 5 }, () => open(url)));
    for (const db of dbs) expect((await db.read.select({ n: count() }).from(users))[0]?.n).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
    );
    await client.end();
    // Each migration applied once, though five servers raced to apply them.
    expect(rows[0].n).toBe(readMigrations('postgres').length);
  });

  it('makes one enrollment from 20 simultaneous requests through two servers', async () => {
    const url = await emptyDatabase('botcamp_two_servers');
    const [a, b] = [await open(url), await open(url)];
    const [user] = await a.write((tx) =>
      tx
        .insert(users)
        .values({ email: 'ada@example.org', displayName: 'Ada' })
        .returning({ id: users.id }),
    );
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        enroll(i % 2 ? a : b, { userId: user!.id, courseSlug: 'course', source: 'free' }),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.filter((o) => o.ok && o.value.created)).toHaveLength(1);
    expect((await b.read.select({ n: count() }).from(enrollments))[0]?.n).toBe(1);

    // Login failures made through either server count against one limit.
    const subject = { email: 'ada@example.org', ip: '203.0.113.9' };
    for (let i = 0; i < 5; i++) await recordFailure(i % 2 ? a : b, subject);
    expect((await checkThrottle(a, subject)).allowed).toBe(false);
    expect((await checkThrottle(b, subject)).allowed).toBe(false);
  });

  it('commits relaxed writes without waiting for the WAL flush, and only those', async () => {
    const db = await open(await emptyDatabase('botcamp_durability'));
    type Tx = Parameters<Parameters<typeof db.write>[0]>[0];
    const level = async (tx: Tx) => {
      const result = (await (
        tx as unknown as {
          execute(q: unknown): Promise<{ rows: { synchronous_commit: string }[] }>;
        }
      ).execute(sql`SHOW synchronous_commit`)) as { rows: { synchronous_commit: string }[] };
      return result.rows[0]?.synchronous_commit;
    };
    expect(await db.write(level)).toBe('on');
    expect(await db.write(level, { durability: 'relaxed' })).toBe('off');
    // SET LOCAL ends with its transaction: the pooled connection is back to durable commits.
    for (let i = 0; i < 12; i++) expect(await db.write(level)).toBe('on');
  });

  it('refuses a database migrated by newer code, saying why', async () => {
    const url = await emptyDatabase('botcamp_newer');
    await open(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      'INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)',
      ['future', Date.UTC(2099, 0, 1)],
    );
    await client.end();
    await expect(openDatabase(url, { log: () => undefined })).rejects.toThrow(
      /migrated by a newer version of Botcamp.*2099-01-01/,
    );
  });

  it('answers "unavailable" while the database is out of reach and recovers by itself', async () => {
    const name = 'botcamp_outage';
    await emptyDatabase(name);
    const link = await relay(new URL(process.env.BOTCAMP_TEST_DATABASE_URL!));
    try {
      const db = await open(link.url(name), {});
      expect((await db.read.select({ n: count() }).from(users))[0]?.n).toBe(0);
      await link.cut();
      const failure = await db.read
        .select({ n: count() })
        .from(users)
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      const failedWrite = await db
        .write((tx) => tx.insert(users).values({ email: 'x@example.org', displayName: 'X' }))
        .catch((e: unknown) => e);
      expect(isDatabaseUnavailable(failedWrite)).toBe(true);
      await link.restore();
      await db.write((tx) => tx.insert(users).values({ email: 'x@example.org', displayName: 'X' }));
      expect((await db.read.select({ n: count() }).from(users))[0]?.n).toBe(1);
    } finally {
      await link.close();
    }
  }, 30_000);
});
