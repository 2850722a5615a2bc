/**
 * `npm run bench`: builds what it needs, seeds throwaway databases, runs every benchmark and
 * prints one table (written as JSON too) with, for each row, our figure, the reference measured in
 * the same run and their ratio, and whether the target holds. Not part of `npm test`: it takes
 * minutes and its figures depend on the machine.
 *
 *   npm run bench                         every part (several minutes on 2 cores)
 *   npm run bench -- --only http,engine   some parts: http, chat, postgres, engine, admin, build
 *   npm run bench -- --seconds 10 --connections 50 --soak 600 --lessons 1000 --json FILE
 *
 * Parts:
 * - http: the enrolled learner's longest lesson, the public course page and the catalog under
 *   load (autocannon), each beside the same HTML from a bare node:http server and a trivial page
 *   of this server; page weight; cold start; the server's memory
 *   (--soak N keeps the lesson page under load N more seconds before the last reading).
 * - chat: the stored sandbox chat under load, on a server of its own (each message makes two
 *   durable commits, which must not follow the page runs' writes).
 * - postgres: the enrolled lesson page on PostgreSQL with two servers, beside SQLite with one
 *   (bench-postgres.ts; starts a throwaway PostgreSQL server the way the test script does).
 * - engine: bot engine turns per second on one core (rides-to-polls).
 * - admin: the admin area at 100,000 learners and 1,000,000 progress rows (bench-admin.ts).
 * - build: time to build a copy of the project, alone and with --lessons generated lessons
 *   (bench-build.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { handleMessage, parseBot, startConversation } from '../lib/bot/index.ts';
import { evaluate, renderTable, type BenchRow } from '../lib/bench/report';
import { benchAdminAtScale } from './bench-admin';
import { benchBuild } from './bench-build';
import { benchHttp } from './bench-http';
import { benchPostgres } from './bench-postgres';

const PARTS = ['http', 'chat', 'postgres', 'engine', 'admin', 'build'] as const;
const DEFAULT_PARTS: readonly Part[] = PARTS;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    soak: { type: 'string', default: '0' },
    lessons: { type: 'string', default: '1000' },
    json: { type: 'string', default: 'data/bench.json' },
  },
});
const only = values.only ? values.only.split(',').map((p) => p.trim()) : [...DEFAULT_PARTS];
const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length) {
  console.error(`bench: unknown part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
  process.exit(2);
}
const wanted = (part: Part) => only.includes(part);
const log = (line: string) => console.error(`bench: ${line}`);

const ROOT = new URL('../../', import.meta.url);
const SCRIPT = ['RIDE', '94110', 'morning', '2', 'yes'];

/** handleMessage turns per second of CPU time on one core (target: at least 100,000). */
function benchEngine(): BenchRow[] {
  const { bot, problems } = parseBot(
    readFileSync(new URL('content/bots/rides-to-polls.yaml', ROOT), 'utf8'),
  );
  if (!bot) throw new Error(`rides-to-polls did not parse: ${JSON.stringify(problems)}`);
  const conversation = (now: number) => {
    let { state } = startConversation(bot, { now });
    for (const text of SCRIPT)
      state = handleMessage(bot, state, text, { now: (now += 1000) }).state;
    if (!state.ended) throw new Error('The benchmark conversation did not finish.');
  };
  for (let i = 0; i < 2000; i++) conversation(i); // warm up the JIT
  let conversations = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  while (performance.now() - started < 2000) {
    for (let i = 0; i < 200; i++) conversation(conversations + i);
    conversations += 200;
  }
  const cpu = process.cpuUsage(cpuStarted);
  // CPU time is what one core actually spent; wall time also counts waiting for a busy machine.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const turns = conversations * SCRIPT.length;
  return [
    {
      group: 'bot engine (rides-to-polls, one core)',
      measure: 'turns per CPU second',
      value: (turns / cpuMs) * 1000,
      unit: 'turns/s',
      target: { kind: 'at-least', value: 100_000 },
    },
  ];
}

function buildIfStale(): void {
  log('building the site if the build is missing or older than the sources…');
  const result = spawnSync('bash', ['-c', 'source src/cli/node-env.sh && botcamp_build_if_stale'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the build failed');
}

function machine(): Record<string, string> {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: String(cpus().length),
    memory: `${Math.round(totalmem() / 1024 ** 3)} GB`,
    node: process.version,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
}

const rows: BenchRow[] = [];
const atStart = machine();
if (wanted('http') || wanted('chat') || wanted('postgres')) buildIfStale();
if (wanted('http') || wanted('chat')) {
  rows.push(
    ...(await benchHttp(
      {
        seconds: Number(values.seconds),
        connections: Number(values.connections),
        soakSeconds: Number(values.soak),
        chat: wanted('chat'),
      },
      log,
    )),
  );
}
if (wanted('postgres'))
  rows.push(
    ...(await benchPostgres(
      { seconds: Number(values.seconds), connections: Number(values.connections) },
      log,
    )),
  );
if (wanted('engine')) {
  log('bot engine…');
  rows.push(...benchEngine());
}
if (wanted('admin')) {
  log('admin at scale (seeding 100,000 learners takes a while)…');
  rows.push(...(await benchAdminAtScale()));
}
if (wanted('build')) rows.push(...benchBuild(Number(values.lessons), log));

const evaluated = rows.map(evaluate);
const missed = evaluated.filter((r) => r.met === false).length;
const about = {
  date: new Date().toISOString(),
  machine: atStart,
  loadAtEnd: machine().load,
  connections: Number(values.connections),
  seconds: Number(values.seconds),
};
console.log(`\nBotcamp benchmark, ${about.date}`);
console.log(
  `${atStart.cores} cores (${atStart.cpu}), ${atStart.memory}, Node ${atStart.node}; load average ${atStart.load} at start, ${about.loadAtEnd} at end\n`,
);
console.log(renderTable(evaluated));
console.log(`\n${missed === 0 ? 'Every target met.' : `${missed} target(s) missed.`}`);
mkdirSync(dirname(values.json), { recursive: true });
writeFileSync(values.json, JSON.stringify({ ...about, rows: evaluated }, null, 2));
console.log(`Written to ${values.json}.`);
