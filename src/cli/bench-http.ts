import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from '../lib/bench/report';
import { sessionCookieName } from '../lib/auth/cookie';
import { BENCH_COURSE, seedBenchDatabase } from './bench-seed';
import {
  checked,
  load,
  startBareServer,
  startBotcamp,
  type LoadOptions,
  type LoadResult,
  type RunningServer,
} from './bench-servers';
import { pageWeight } from './bench-weight';

/**
 * The site under load, each figure beside references measured in the same run: the same page's
 * HTML from a bare node:http server (the physical limit) and a trivial response of this same
 * server with no session and no database (the framework's floor, here robots.txt through the
 * middleware). Targets from the speed issue: the enrolled lesson page at ≥ 75% of the trivial
 * page's throughput with p99 under 30 ms at 50 connections; the course page and the catalog at ≥ 85%.
 */
export const PAGES = {
  trivial: '/robots.txt',
  lesson: `/courses/${BENCH_COURSE}/lessons/sms-bots-and-the-rules`,
  lessonWithoutBot: `/courses/${BENCH_COURSE}/lessons/designing-a-conversation`,
  course: `/courses/${BENCH_COURSE}`,
  catalog: '/',
  values: '/values',
} as const;
const CHAT_BOT = 'opt-in-list';
/** What Chromium and Firefox send. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';
const CHATTERS = 1_000;

export interface HttpBenchOptions {
  seconds: number;
  connections: number;
  /** Keep the lesson page under load this long at the end and report memory before and after. */
  soakSeconds: number;
  /** Also load the stored sandbox chat, on a server of its own. */
  chat: boolean;
}

function throughputRows(
  group: string,
  ours: LoadResult,
  trivial: LoadResult,
  bare: LoadResult | null,
  ratio: number,
  p99Target?: number,
): BenchRow[] {
  const rows: BenchRow[] = [
    {
      group,
      measure: 'requests/s vs trivial page',
      value: ours.requestsPerSecond,
      unit: 'req/s',
      reference: { label: 'trivial page', value: trivial.requestsPerSecond },
      target: { kind: 'ratio-at-least', ratio },
    },
  ];
  if (bare)
    rows.push({
      group,
      measure: 'requests/s vs bare node:http',
      value: ours.requestsPerSecond,
      unit: 'req/s',
      reference: { label: 'same HTML, bare node:http', value: bare.requestsPerSecond },
    });
  rows.push({
    group,
    measure: 'latency p50',
    value: ours.p50,
    unit: 'ms',
    ...(bare ? { reference: { label: 'bare node:http', value: bare.p50 } } : {}),
  });
  rows.push({
    group,
    measure: 'latency p99',
    value: ours.p99,
    unit: 'ms',
    ...(bare ? { reference: { label: 'bare node:http', value: bare.p99 } } : {}),
    ...(p99Target ? { target: { kind: 'at-most' as const, value: p99Target } } : {}),
  });
  return rows;
}

/** Server CPU time per request: the figure least moved by other work on a shared machine. */
function cpuRows(results: [string, LoadResult][]): BenchRow[] {
  return results.flatMap(([name, result]) =>
    result.cpuMsPerRequest === null
      ? []
      : [
          {
            group: 'server CPU per request',
            measure: name,
            value: result.cpuMsPerRequest,
            unit: 'ms',
          },
        ],
  );
}

const formatDuration = (seconds: number) =>
  seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;

export async function benchHttp(
  options: HttpBenchOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'botcamp-bench-http-'));
  const servers: RunningServer[] = [];
  try {
    const databasePath = join(dir, 'bench.db');
    const seed = await seedBenchDatabase(databasePath, CHATTERS);
    const cookie = `${sessionCookieName(false)}=${seed.token}`;
    const signedIn = { cookie };
    const run: LoadOptions = { seconds: options.seconds, connections: options.connections };

    log('starting the built server (cold start)…');
    const server = await startBotcamp(databasePath, PAGES.course);
    servers.push(server);
    const coldStartMs = server.coldStartMs;

    const fetchHtml = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(server.origin + path, { headers, redirect: 'manual' });
      const html = await response.text();
      if (response.status !== 200)
        throw new Error(`${path} answered ${response.status}; the benchmark needs a 200.`);
      return html;
    };
    const lessonHtml = await fetchHtml(PAGES.lesson, signedIn);
    if (!lessonHtml.includes('Bench Learner') && !lessonHtml.includes('progress'))
      throw new Error('The lesson page does not look like an enrolled learner’s page.');
    const courseHtml = await fetchHtml(PAGES.course);
    const catalogHtml = await fetchHtml(PAGES.catalog);

    log('measuring page weight…');
    const weightRows = await pageWeight(server.origin, [
      { name: 'catalog', path: PAGES.catalog, headers: {}, maxJs: 0 },
      { name: 'course page', path: PAGES.course, headers: {}, maxJs: 0 },
      { name: 'short page (values)', path: PAGES.values, headers: {}, maxJs: 0 },
      { name: 'lesson without a bot', path: PAGES.lessonWithoutBot, headers: signedIn, maxJs: 0 },
      { name: 'lesson with a bot', path: PAGES.lesson, headers: signedIn, maxJs: 20 * 1024 },
    ]);

    const bare = await startBareServer(dir, {
      [PAGES.lesson]: lessonHtml,
      [PAGES.course]: courseHtml,
      [PAGES.catalog]: catalogHtml,
    });
    servers.push(bare);
    const rssAtStart = server.rss();
    const measure = async (name: string, url: string, extra: LoadOptions = {}) => {
      log(
        `load: ${name} (${extra.connections ?? options.connections} connections, ${extra.seconds ?? options.seconds} s)…`,
      );
      return checked(name, await load(url, { ...run, server, ...extra }));
    };
    const bareLesson = await measure('bare node:http, lesson HTML', bare.origin + PAGES.lesson);
    const bareCourse = await measure('bare node:http, course HTML', bare.origin + PAGES.course);
    const bareCatalog = await measure('bare node:http, catalog HTML', bare.origin + PAGES.catalog);
    await bare.stop();
    const trivial = await measure('trivial page', server.origin + PAGES.trivial);
    // Through the compression middleware, which a request without Accept-Encoding skips.
    const trivialBrowser = await measure(
      'trivial page, asking for compression',
      server.origin + PAGES.trivial,
      { headers: { 'accept-encoding': BROWSER_ENCODINGS } },
    );
    const lesson = await measure('enrolled lesson page', server.origin + PAGES.lesson, {
      headers: signedIn,
    });
    // As a browser asks for it: the kept copy's brotli form, made once.
    const lessonBrotli = await measure(
      'enrolled lesson page, compressed',
      server.origin + PAGES.lesson,
      { headers: { ...signedIn, 'accept-encoding': BROWSER_ENCODINGS } },
    );
    const course = await measure('course page', server.origin + PAGES.course);
    const catalog = await measure('catalog', server.origin + PAGES.catalog);
    // Under load V8 grows its heap to the allocation rate, so the reading that a longer run is
    // compared with is the one after the page runs, not the idle one before them.
    const rssWarm = server.rss();
    if (options.soakSeconds > 0)
      await measure(
        `soak: enrolled lesson page for ${options.soakSeconds} s`,
        server.origin + PAGES.lesson,
        { headers: signedIn, seconds: options.soakSeconds },
      );
    const rssAtEnd = server.rss();
    await server.stop();

    // The chat writes (its throttle and the conversation) on every message: measured on a server
    // of its own, so its writes do not follow the page runs'.
    let chat: LoadResult | null = null;
    if (options.chat) {
      const chatServer = await startBotcamp(databasePath, PAGES.trivial);
      servers.push(chatServer);
      chat = await measure('sandbox chat reply', `${chatServer.origin}/api/bots/${CHAT_BOT}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: chatServer.origin },
        body: JSON.stringify({ action: 'send', text: 'JOIN' }),
        cookies: seed.chatterTokens.map((token) => `${sessionCookieName(false)}=${token}`),
        server: chatServer,
      });
    }

    return [
      ...throughputRows(
        'enrolled lesson (longest, with bot)',
        lesson,
        trivial,
        bareLesson,
        0.75,
        30,
      ),
      {
        group: 'enrolled lesson, compressed (as a browser asks)',
        measure: 'requests/s vs uncompressed',
        value: lessonBrotli.requestsPerSecond,
        unit: 'req/s',
        reference: { label: 'uncompressed', value: lesson.requestsPerSecond },
      },
      {
        group: 'enrolled lesson, compressed (as a browser asks)',
        measure: 'bytes per answer vs uncompressed',
        value: lessonBrotli.bytesPerAnswer / 1024,
        unit: 'KB',
        reference: { label: 'uncompressed', value: lesson.bytesPerAnswer / 1024 },
      },
      {
        group: 'enrolled lesson, compressed (as a browser asks)',
        measure: 'latency p99',
        value: lessonBrotli.p99,
        unit: 'ms',
      },
      ...throughputRows('public course page', course, trivial, bareCourse, 0.85),
      ...throughputRows('catalog', catalog, trivial, bareCatalog, 0.85),
      {
        group: 'trivial page (robots.txt)',
        measure: 'requests/s',
        value: trivial.requestsPerSecond,
        unit: 'req/s',
      },
      {
        group: 'trivial page (robots.txt)',
        measure: 'latency p99',
        value: trivial.p99,
        unit: 'ms',
      },
      {
        group: 'trivial page (robots.txt)',
        measure: 'requests/s, asking for compression',
        value: trivialBrowser.requestsPerSecond,
        unit: 'req/s',
        reference: { label: 'asking for none', value: trivial.requestsPerSecond },
      },
      ...(chat
        ? [
            {
              group: 'sandbox chat (stored)',
              measure: 'reply round trips/s',
              value: chat.requestsPerSecond,
              unit: 'req/s',
              reference: { label: 'trivial page', value: trivial.requestsPerSecond },
            },
            { group: 'sandbox chat (stored)', measure: 'latency p99', value: chat.p99, unit: 'ms' },
          ]
        : []),
      ...cpuRows([
        ['trivial page', trivial],
        ['trivial page, asking for compression', trivialBrowser],
        ['enrolled lesson', lesson],
        ['enrolled lesson, compressed', lessonBrotli],
        ['public course page', course],
        ['catalog', catalog],
        ...(chat ? [['sandbox chat reply', chat] as [string, LoadResult]] : []),
      ]),
      ...weightRows,
      {
        group: 'cold start',
        measure: 'process start to first course page',
        value: coldStartMs,
        unit: 'ms',
      },
      {
        group: 'memory',
        measure: 'server RSS after the page runs',
        value: rssWarm / 1024 / 1024,
        unit: 'MB',
        reference: { label: 'idle, before them', value: rssAtStart / 1024 / 1024 },
      },
      ...(options.soakSeconds > 0
        ? [
            {
              group: 'memory',
              measure: `server RSS after ${formatDuration(options.soakSeconds)} more of the lesson page`,
              value: rssAtEnd / 1024 / 1024,
              unit: 'MB',
              reference: { label: 'before that', value: rssWarm / 1024 / 1024 },
              target: { kind: 'ratio-at-most' as const, ratio: 1.1 },
            },
          ]
        : []),
    ];
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
