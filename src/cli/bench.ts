/**
 * Engine benchmark: `npx tsx src/cli/bench.ts` (or `npm run bench`).
 *
 * 1. Parses content/bots/rides-to-polls.yaml once, then runs full conversations (start, RIDE,
 *    ZIP, time window, riders, wheelchair) on one core for about 2 seconds and reports
 *    handleMessage turns per second of CPU time (target: at least 100,000; wall-clock
 *    throughput is shown too, and drops when other processes share the core).
 * 2. If a build exists, prints the gzipped size of the bot client bundles in dist/client/_astro
 *    (files starting with "bot" or containing "sandbox").
 * 3. The admin area at scale (bench-admin.ts): 100,000 learners and 1,000,000 progress rows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { handleMessage, parseBot, startConversation } from '../lib/bot/index.ts';
import { benchAdminAtScale } from './bench-admin';

const ROOT = new URL('../../', import.meta.url);
const BOT_FILE = new URL('content/bots/rides-to-polls.yaml', ROOT);
const ASSETS = new URL('dist/client/_astro/', ROOT);
const SCRIPT = ['RIDE', '94110', 'morning', '2', 'yes'];
const DURATION_MS = 2000;
const BATCH = 200;
const TARGET = 100_000;

/** Render rows as a plain-text table with right-aligned numbers. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const format = (n: number) => Math.round(n).toLocaleString('en-US');

function benchEngine(): void {
  const { bot, problems } = parseBot(readFileSync(BOT_FILE, 'utf8'));
  if (!bot) throw new Error(`rides-to-polls did not parse: ${JSON.stringify(problems)}`);
  const conversation = (now: number) => {
    let { state } = startConversation(bot, { now });
    for (const text of SCRIPT) state = handleMessage(bot, state, text, { now: (now += 1000) }).state;
    if (!state.ended) throw new Error('The benchmark conversation did not finish.');
  };
  for (let i = 0; i < 2000; i++) conversation(i); // warm up the JIT
  let conversations = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < DURATION_MS) {
    for (let i = 0; i < BATCH; i++) conversation(conversations + i);
    conversations += BATCH;
    elapsed = performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuStarted);
  // CPU time is what one core actually spent; wall time also counts waiting for a busy machine.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const turns = conversations * SCRIPT.length;
  const perSecond = (turns / cpuMs) * 1000;
  console.log('Engine (rides-to-polls, one core)\n');
  console.log(
    table([
      ['measure', 'value'],
      ['conversations', format(conversations)],
      ['turns (handleMessage)', format(turns)],
      ['wall seconds', (elapsed / 1000).toFixed(2)],
      ['CPU seconds', (cpuMs / 1000).toFixed(2)],
      ['turns per second (wall)', format((turns / elapsed) * 1000)],
      ['turns per second (CPU)', format(perSecond)],
      ['microseconds per turn (CPU)', ((cpuMs * 1000) / turns).toFixed(2)],
      ['target turns per second', `${format(TARGET)} ${perSecond >= TARGET ? '(met)' : '(MISSED)'}`],
    ]),
  );
}

/** The file plus every chunk it imports, directly or not (relative imports only). */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(new URL(file, ASSETS))) return seen;
  seen.add(file);
  const code = readFileSync(new URL(file, ASSETS), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) withImports(m[1]!, seen);
  return seen;
}

function bundleSizes(): void {
  console.log('\nBot client bundle (dist/client/_astro)\n');
  if (!existsSync(ASSETS)) return console.log('No build found: run `npm run build` first. Skipped.');
  const entries = readdirSync(ASSETS).filter((f) => f.endsWith('.js') && (/^bot/i.test(f) || /sandbox/i.test(f)));
  if (!entries.length) return console.log('The build has no bot bundle (no file starting with "bot" or containing "sandbox"). Skipped.');
  const sizes = new Map<string, [number, number]>();
  const sizeOf = (file: string) => {
    if (!sizes.has(file)) {
      const bytes = readFileSync(new URL(file, ASSETS));
      sizes.set(file, [bytes.length, gzipSync(bytes, { level: 9 }).length]);
    }
    return sizes.get(file)!;
  };
  const sum = (files: Iterable<string>) => [...files].map(sizeOf).reduce(([r, g], [r2, g2]) => [r + r2, g + g2], [0, 0]);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = entries.map((file) => {
    const [raw, gz] = sizeOf(file);
    const all = withImports(file);
    const [allRaw, allGz] = sum(all);
    return [file, kb(raw), kb(gz), String(all.size - 1), kb(allRaw), kb(allGz)];
  });
  const everything = new Set(entries.flatMap((f) => [...withImports(f)]));
  const [totalRaw, totalGz] = sum(everything);
  console.log(table([['entry', 'raw', 'gzipped', 'imports', 'raw with imports', 'gzipped with imports'], ...rows, ['all bot files', '', '', String(everything.size), kb(totalRaw), kb(totalGz)]]));
}

benchEngine();
bundleSizes();
console.log('\nAdmin at scale (SQLite, this machine)\n');
console.log(table(await benchAdminAtScale()));
