import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';

/** Processes the HTTP benchmarks start and measure: the built Botcamp server and the bare reference. */

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  /** Milliseconds from spawning the process to the first 200 on `readyPath`. */
  coldStartMs: number;
  /** Resident memory of the server process now, in bytes (Linux /proc). */
  rss(): number;
  /** CPU time the server process has used so far, in milliseconds (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Polls `url` until it answers 200; the server's own output is kept for the error message. */
async function waitForOk(
  url: string,
  headers: Record<string, string>,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}) before answering:\n${output()}`);
    try {
      const response = await fetch(url, { headers, redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`no 200 from ${url} within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
  readyHeaders: Record<string, string> = {},
): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(
        `bench: a server stopped by itself (${code ?? signal}); its last output:\n${output}`,
      );
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForOk(origin + readyPath, readyHeaders, child, () => output);
  const coldStartMs = performance.now() - started;
  return {
    origin,
    process: child,
    coldStartMs,
    cpuMs: () => {
      // Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (100 per second).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    rss: () =>
      Number(
        /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0,
      ) * 1024,
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        // A process ended by a signal (the bare server has no SIGTERM handler) has no exit code but
        // a signal code, and 'exit' has already fired: waiting for it again left nothing to keep
        // the event loop alive, and the whole benchmark ended on an unsettled await.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The built server as `npm run serve` starts it, on its own port and database. */
export async function startBotcamp(
  databasePath: string,
  readyPath: string,
  readyHeaders: Record<string, string> = {},
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunningServer> {
  const port = await freePort();
  const env = {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_PATH: databasePath,
    SITE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: '',
    NODE_ENV: 'production',
    ...extraEnv,
  };
  return startProcess(
    ['--experimental-strip-types', 'src/cli/serve.ts'],
    env,
    port,
    readyPath,
    readyHeaders,
  );
}

/**
 * The physical limit: a bare node:http server answering each path with the HTML Botcamp served
 * for it, with the same content type and no other work.
 */
export async function startBareServer(
  dir: string,
  pages: Record<string, string>,
): Promise<RunningServer> {
  const file = join(dir, 'bare-pages.json');
  writeFileSync(file, JSON.stringify(pages));
  const port = await freePort();
  const first = Object.keys(pages)[0] ?? '/';
  return startProcess(
    [new URL('./bench-bare-server.ts', import.meta.url).pathname, file, String(port)],
    {},
    port,
    first,
  );
}

export interface LoadResult {
  requestsPerSecond: number;
  /** The server's CPU time per answered request, in ms: unlike throughput, barely moved by other work on the machine. */
  cpuMsPerRequest: number | null;
  p50: number;
  p99: number;
  /** Bytes received per answer, headers included: what an encoding saves shows here. */
  bytesPerAnswer: number;
  /** Answers that were not 2xx, and connection errors or timeouts: both must be 0 for a valid figure. */
  failures: number;
}

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  /** A different cookie for each request, in turn (the chat benchmark spreads over learners). */
  cookies?: string[];
  /** The server under load, to measure its CPU time per request. */
  server?: Pick<RunningServer, 'cpuMs'>;
}

/** `connections` concurrent keep-alive connections for `seconds`, after a short warm-up. */
export async function load(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const {
    connections = 50,
    seconds = 10,
    headers = {},
    method = 'GET',
    body,
    cookies,
    server,
  } = options;
  let turn = 0;
  const requests: autocannon.Request[] | undefined = cookies
    ? [
        {
          method,
          body,
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, cookie: cookies[turn++ % cookies.length]! },
          }),
        },
      ]
    : undefined;
  const run = async (duration: number) => {
    // A server that stops answering must end the run with an error, not leave it waiting.
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(
          () => reject(new Error(`${url}: no result ${duration + 30} s after a ${duration} s run`)),
          (duration + 30) * 1000,
        )),
    );
    try {
      return await Promise.race([
        autocannon({ url, connections, duration, headers, method, body, requests }),
        limit,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  await run(2);
  const cpuBefore = server?.cpuMs();
  const result = await run(seconds);
  const cpuUsed = server && cpuBefore !== undefined ? server.cpuMs() - cpuBefore : null;
  return {
    requestsPerSecond: result.requests.average,
    cpuMsPerRequest:
      cpuUsed === null || result.requests.total === 0 ? null : cpuUsed / result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerAnswer:
      result.requests.total === 0 ? 0 : result.throughput.total / result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** A load result every answer of which was a 2xx, or an error: a figure with failures means nothing. */
export function checked(name: string, result: LoadResult): LoadResult {
  if (result.failures > 0)
    throw new Error(
      `${name}: ${result.failures} answers were errors or not 2xx; the figure would be meaningless.`,
    );
  return result;
}
