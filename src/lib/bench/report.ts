/**
 * The benchmark's one table: each row is our figure, optionally beside a reference measured in
 * the same run, and optionally a target. Figures from a shared machine drift between runs, so a
 * target is stated against a reference from the same run wherever one exists.
 */

/** What a row must reach. `ratio-at-least`: value / reference.value ≥ ratio (throughput); `ratio-at-most`: ≤ ratio (memory growth). */
export type Target =
  | { kind: 'ratio-at-least'; ratio: number }
  | { kind: 'ratio-at-most'; ratio: number }
  | { kind: 'at-most'; value: number }
  | { kind: 'at-least'; value: number };

export interface BenchRow {
  /** The part of the system measured: "lesson page (enrolled)", "weight", "build"… */
  group: string;
  measure: string;
  value: number;
  unit: string;
  reference?: { label: string; value: number };
  target?: Target;
}

export interface EvaluatedRow extends BenchRow {
  /** value / reference.value, or null without a reference (or a zero reference). */
  ratio: number | null;
  /** Whether the target holds; null when the row has no target. */
  met: boolean | null;
}

/**
 * @example
 * evaluate({ group: 'lesson', measure: 'requests/s', value: 800, unit: 'req/s', reference: { label: 'trivial page', value: 1000 }, target: { kind: 'ratio-at-least', ratio: 0.75 } })
 * // → ratio 0.8, met true
 */
export function evaluate(row: BenchRow): EvaluatedRow {
  const ratio = row.reference && row.reference.value !== 0 ? row.value / row.reference.value : null;
  const target = row.target;
  let met: boolean | null = null;
  if (target?.kind === 'ratio-at-least') met = ratio !== null && ratio >= target.ratio;
  else if (target?.kind === 'ratio-at-most') met = ratio !== null && ratio <= target.ratio;
  else if (target?.kind === 'at-most') met = row.value <= target.value;
  else if (target?.kind === 'at-least') met = row.value >= target.value;
  return { ...row, ratio, met };
}

/** A number as people read it: thousands separated, at most `digits` decimals. */
export function formatNumber(n: number, digits = n >= 100 ? 0 : n >= 10 ? 1 : 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function describeTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  if (target.kind === 'ratio-at-least') return `ratio ≥ ${target.ratio}`;
  if (target.kind === 'ratio-at-most') return `ratio ≤ ${target.ratio}`;
  return `${target.kind === 'at-most' ? '≤' : '≥'} ${formatNumber(target.value)} ${unit}`;
}

/** The rows as one plain-text table, the way `npm run bench` prints it and the README shows it. */
export function renderTable(rows: readonly EvaluatedRow[]): string {
  const header = ['group', 'measure', 'ours', 'reference (same run)', 'ratio', 'target', ''];
  const body = rows.map((r) => [
    r.group,
    r.measure,
    `${formatNumber(r.value)} ${r.unit}`,
    r.reference ? `${r.reference.label}: ${formatNumber(r.reference.value)} ${r.unit}` : '',
    r.ratio === null ? '' : r.ratio.toFixed(2),
    describeTarget(r.target, r.unit),
    r.met === null ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((line) => line[c]!.length)));
  const numeric = new Set([2, 4]);
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The rows as a Markdown table, for the README. */
export function renderMarkdown(rows: readonly EvaluatedRow[]): string {
  const lines = [
    '| group | measure | ours | reference (same run) | ratio | target | |',
    '| --- | --- | ---: | --- | ---: | --- | --- |',
  ];
  for (const r of rows) {
    const reference = r.reference
      ? `${r.reference.label}: ${formatNumber(r.reference.value)} ${r.unit}`
      : '';
    const status = r.met === null ? '' : r.met ? 'met' : '**missed**';
    lines.push(
      `| ${r.group} | ${r.measure} | ${formatNumber(r.value)} ${r.unit} | ${reference} | ${r.ratio === null ? '' : r.ratio.toFixed(2)} | ${describeTarget(r.target, r.unit)} | ${status} |`,
    );
  }
  return lines.join('\n');
}
