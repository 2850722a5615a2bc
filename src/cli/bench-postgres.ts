import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionCookieName } from '../lib/auth/cookie';
import type { BenchRow } from '../lib/bench/report';
import { PAGES } from './bench-http';
import { seedBenchDatabase } from './bench-seed';
import { checked, load, startBotcamp, type RunningServer } from './bench-servers';

/**
 * The enrolled lesson page on PostgreSQL with two servers sharing the load, beside SQLite with one
 * server, in the same run. PostgreSQL is a throwaway server from Debian's package (the test
 * script's `botcamp_start_postgres`), with its durability settings on, as in production.
 */
interface Postgres {
  url: string;
  stop(): Promise<void>;
}

/** Starts PostgreSQL through the test script's function; it stops when our end of the pipe closes. */
async function startPostgres(): Promise<Postgres> {
  const child = spawn(
    'bash',
    [
      '-c',
      'source tests/postgres-server.sh && botcamp_start_postgres && echo "url=$BOTCAMP_TEST_DATABASE_URL" && read -r _',
    ],
    {
      env: { ...process.env, BOTCAMP_PG_DURABLE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /^url=(\S+)$/m.exec(output);
      if (found) resolve(found[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL did not start (${code}):\n${output.slice(-2000)}`)),
    );
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

export async function benchPostgres(
  options: { seconds: number; connections: number },
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'botcamp-bench-pg-'));
  const servers: RunningServer[] = [];
  let postgres: Postgres | undefined;
  const run = { seconds: options.seconds };
  try {
    log('postgres: SQLite with one server, the reference…');
    const sqlitePath = join(dir, 'bench.db');
    const onSqlite = await seedBenchDatabase(sqlitePath, 0);
    const sqliteServer = await startBotcamp(sqlitePath, PAGES.course);
    servers.push(sqliteServer);
    const sqlite = checked(
      'SQLite',
      await load(sqliteServer.origin + PAGES.lesson, {
        ...run,
        connections: options.connections,
        headers: { cookie: `${sessionCookieName(false)}=${onSqlite.token}` },
      }),
    );
    await sqliteServer.stop();

    log('postgres: starting a throwaway PostgreSQL server (fsync on)…');
    postgres = await startPostgres();
    const onPostgres = await seedBenchDatabase(postgres.url, 0);
    const env = { DATABASE_URL: postgres.url };
    const first = await startBotcamp(join(dir, 'unused.db'), PAGES.course, {}, env);
    servers.push(first);
    const second = await startBotcamp(join(dir, 'unused.db'), PAGES.course, {}, env);
    servers.push(second);
    log(
      `postgres: two servers, ${options.connections / 2} connections each, ${options.seconds} s…`,
    );
    const headers = { cookie: `${sessionCookieName(false)}=${onPostgres.token}` };
    const half = Math.ceil(options.connections / 2);
    const [a, b] = await Promise.all(
      [first, second].map((server) =>
        load(server.origin + PAGES.lesson, { ...run, connections: half, headers, server }),
      ),
    );
    checked('PostgreSQL', a!);
    checked('PostgreSQL', b!);
    const group = `PostgreSQL, two servers (${options.connections} connections in all)`;
    return [
      {
        group,
        measure: 'enrolled lesson, requests/s of both',
        value: a!.requestsPerSecond + b!.requestsPerSecond,
        unit: 'req/s',
        reference: { label: 'SQLite, one server', value: sqlite.requestsPerSecond },
      },
      {
        group,
        measure: 'enrolled lesson, latency p99 (worse server)',
        value: Math.max(a!.p99, b!.p99),
        unit: 'ms',
        reference: { label: 'SQLite, one server', value: sqlite.p99 },
      },
    ];
  } finally {
    for (const server of servers) await server.stop();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
