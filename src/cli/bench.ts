/**
 * Engine benchmark: `npx tsx src/cli/bench.ts` (or `npm run bench`).
 *
 * 1. Parses content/bots/rides-to-polls.yaml once, then runs full conversations (start, RIDE,
 *    ZIP, time window, riders, wheelchair) on one core for about 2 seconds and reports
 *    handleMessage turns per second (target: at least 100,000).
 * 2. If a build exists, prints the gzipped size of the bot client bundles in dist/client/_astro
 *    (files starting with "bot" or containing "sandbox").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { handleMessage, parseBot, startConversation } from '../lib/bot/index.ts';

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
  let elapsed = 0;
  while (elapsed < DURATION_MS) {
    for (let i = 0; i < BATCH; i++) conversation(conversations + i);
    conversations += BATCH;
    elapsed = performance.now() - started;
  }
  const turns = conversations * SCRIPT.length;
  const perSecond = (turns / elapsed) * 1000;
  console.log('Engine (rides-to-polls, one core)\n');
  console.log(
    table([
      ['measure', 'value'],
      ['conversations', format(conversations)],
      ['turns (handleMessage)', format(turns)],
      ['seconds', (elapsed / 1000).toFixed(2)],
      ['turns per second', format(perSecond)],
      ['microseconds per turn', ((elapsed * 1000) / turns).toFixed(2)],
      ['target turns per second', `${format(TARGET)} ${perSecond >= TARGET ? '(met)' : '(MISSED)'}`],
    ]),
  );
}

function bundleSizes(): void {
  console.log('\nBot client bundle\n');
  if (!existsSync(ASSETS)) return console.log('No build found (dist/client/_astro): run `npm run build` first. Skipped.');
  const files = readdirSync(ASSETS).filter((f) => /^bot/i.test(f) || /sandbox/i.test(f));
  if (!files.length) return console.log('The build has no bot bundle (no file starting with "bot" or containing "sandbox"). Skipped.');
  const rows = files.map((file) => {
    const bytes = readFileSync(new URL(file, ASSETS));
    return [file, bytes.length, gzipSync(bytes, { level: 9 }).length] as const;
  });
  const total = rows.reduce((sum, [, raw, gz]) => [sum[0]! + raw, sum[1]! + gz], [0, 0]);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(table([['file', 'raw', 'gzipped'], ...rows.map(([f, raw, gz]) => [f, kb(raw), kb(gz)]), ['total', kb(total[0]!), kb(total[1]!)]]));
}

benchEngine();
bundleSizes();
