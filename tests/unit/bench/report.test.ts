import { describe, expect, it } from 'vitest';
import { evaluate, renderMarkdown, renderTable, type BenchRow } from '~/lib/bench/report';

const lesson: BenchRow = {
  group: 'lesson',
  measure: 'requests/s',
  value: 600,
  unit: 'req/s',
  reference: { label: 'trivial page', value: 1000 },
  target: { kind: 'ratio-at-least', ratio: 0.75 },
};

describe('evaluate', () => {
  it('divides our figure by the reference from the same run and judges the ratio', () => {
    expect(evaluate(lesson)).toMatchObject({ ratio: 0.6, met: false });
    expect(evaluate({ ...lesson, value: 750 })).toMatchObject({ ratio: 0.75, met: true });
  });

  it("judges growth against the same run's earlier reading", () => {
    const rss: BenchRow = {
      group: 'memory',
      measure: 'RSS after the soak',
      value: 330,
      unit: 'MB',
      reference: { label: 'at its start', value: 300 },
      target: { kind: 'ratio-at-most', ratio: 1.1 },
    };
    expect(evaluate(rss)).toMatchObject({ ratio: 1.1, met: true });
    expect(evaluate({ ...rss, value: 331 }).met).toBe(false);
  });

  it('judges limits on the figure itself', () => {
    const p99: BenchRow = {
      group: 'lesson',
      measure: 'p99',
      value: 31,
      unit: 'ms',
      target: { kind: 'at-most', value: 30 },
    };
    expect(evaluate(p99).met).toBe(false);
    expect(evaluate({ ...p99, value: 30 }).met).toBe(true);
    expect(
      evaluate({
        group: 'engine',
        measure: 'turns/s',
        value: 99_999,
        unit: 'turns/s',
        target: { kind: 'at-least', value: 100_000 },
      }).met,
    ).toBe(false);
  });

  it('has no ratio without a reference, and a ratio target then counts as missed', () => {
    const { reference: _, ...alone } = lesson;
    expect(evaluate(alone)).toMatchObject({ ratio: null, met: false });
    expect(evaluate({ ...lesson, reference: { label: 'broken', value: 0 } }).ratio).toBeNull();
    expect(evaluate({ group: 'weight', measure: 'HTML', value: 9, unit: 'KB' })).toMatchObject({
      ratio: null,
      met: null,
    });
  });
});

describe('renderTable and renderMarkdown', () => {
  it('show the figure, the reference, the ratio and MISSED where a target is missed', () => {
    const rows = [
      evaluate(lesson),
      evaluate({
        ...lesson,
        group: 'course',
        value: 900,
        target: { kind: 'ratio-at-least', ratio: 0.85 },
      }),
    ];
    const text = renderTable(rows);
    expect(text).toContain('600 req/s');
    expect(text).toContain('trivial page: 1,000 req/s');
    expect(text).toMatch(/0\.60\s+ratio ≥ 0\.75\s+MISSED/);
    expect(text).toMatch(/0\.90\s+ratio ≥ 0\.85\s+met/);
    expect(renderMarkdown(rows).split('\n')).toHaveLength(4);
    expect(renderMarkdown(rows)).toContain('| **missed** |');
  });
});
