import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exercise } from '~/lib/bot/types.ts';
import { FlowRunner } from '~/lib/sandbox/flow-runner';
import { multiplyingFlow } from '../bot/hostile-flows';
import { worstLag } from '../event-loop';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const runners: FlowRunner[] = [];
const runner = (options: ConstructorParameters<typeof FlowRunner>[0] = {}) => {
  const made = new FlowRunner(options);
  runners.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
});

const GOOD_FLOW = `id: zip-bot
name: ZIP bot
channel: sms
help: "ZIP bot. Reply STOP to opt out."
start: ask
steps:
  ask:
    ask: "What's your ZIP code? Reply STOP to opt out."
    save: zip
    expect: zip
    goto: thanks
  thanks:
    say: "Thanks, {{zip}}."
    end: true
`;

const EXERCISE: Exercise = {
  id: 'zip-exercise',
  name: 'Ask for a ZIP',
  starter: 'zip-bot',
  checks: [
    { name: 'asks for a ZIP', says: [], expect: ['ZIP'] },
    { name: 'thanks with the ZIP', says: ['94110'], expect: ['Thanks, 94110'] },
  ],
};

/**
 * Time limits here are generous on purpose: a busy machine runs everything slower. Each limit is
 * still far below what the behaviour under test would cost if it broke (a flow multiplying text
 * without a cap, a job run on this thread), so the tests can fail.
 */
const ROOMY_MS = 15_000;

describe('FlowRunner', () => {
  it('lints a flow in a worker and hands back the parsed bot', async () => {
    const linted = await runner({ timeoutMs: ROOMY_MS }).lint(GOOD_FLOW);
    expect(linted.ok && linted.value.problems).toEqual([]);
    expect(linted.ok && linted.value.bot?.start).toBe('ask');
  });

  it('runs an exercise’s checks against a flow', async () => {
    const checked = await runner({ timeoutMs: ROOMY_MS }).check(GOOD_FLOW, EXERCISE);
    expect(checked.ok && checked.value.passed).toBe(true);
    const broken = await runner({ timeoutMs: ROOMY_MS }).check(
      GOOD_FLOW.replace('Thanks, {{zip}}.', 'Bye.'),
      EXERCISE,
    );
    expect(broken.ok && broken.value.checks.map((c) => c.passed)).toEqual([true, false]);
  });

  it('writes a flow’s problems in the exercise’s language', async () => {
    const flowRunner = runner({ timeoutMs: ROOMY_MS });
    const broken = GOOD_FLOW.replace('goto: thanks', 'goto: gracias');
    const unknownStep = (problems: { rule: string; message: string }[]) =>
      problems.find((p) => p.rule === 'unknown-step')?.message;
    const linted = await flowRunner.lint(broken, 'es');
    expect(linted.ok && unknownStep(linted.value.problems)).toBe(
      'No hay ningún paso llamado "gracias".',
    );
    const checked = await flowRunner.check(broken, { ...EXERCISE, language: 'es' });
    expect(checked.ok && unknownStep(checked.value.problems)).toBe(
      'No hay ningún paso llamado "gracias".',
    );
    const english = await flowRunner.lint(broken);
    expect(english.ok && unknownStep(english.value.problems)).toBe(
      'There is no step named "gracias".',
    );
  });

  it('answers a multiplying flow with a loop error instead of multiplying without end', async () => {
    // Unbounded, three turns of this flow would multiply text far past any time limit; answered
    // within the limit, with the loop reported, means the check's own caps held.
    const flows = Array.from({ length: 4 }, () =>
      runner({ timeoutMs: ROOMY_MS }).check(multiplyingFlow(9), {
        ...EXERCISE,
        checks: [{ name: 'x', says: ['GO', 'GO', 'GO'], expect: ['x'] }],
      }),
    );
    for (const checked of await Promise.all(flows)) {
      expect(checked.ok).toBe(true);
      if (checked.ok)
        expect(
          checked.value.problems.some((p) => p.rule === 'goto-loop' && p.severity === 'error'),
        ).toBe(true);
    }
  });

  it('stops a job that overruns its time, keeps this thread free meanwhile, and keeps serving', async () => {
    const timeoutMs = 2_000;
    const spinning = runner({ workerFile: fixture('spin-worker.ts'), timeoutMs });
    const { result, lagMs } = await worstLag(spinning.lint('anything'));
    expect(result).toEqual({ ok: false, error: 'flow-too-slow' });
    // Run on this thread, the spin would have stalled it for the whole time limit (or for ever).
    // Half of it leaves room for a machine busy with other work.
    expect(lagMs).toBeLessThan(timeoutMs / 2);
    // The replaced worker takes the next job (and times out again, as this one always spins).
    expect(await spinning.lint('again')).toEqual({ ok: false, error: 'flow-too-slow' });
  });

  it('survives a worker that runs out of memory', async () => {
    const hog = runner({ workerFile: fixture('hog-worker.ts'), memoryMb: 16, timeoutMs: 20_000 });
    expect(await hog.lint('anything')).toEqual({ ok: false, error: 'flow-too-big' });
  });

  it('refuses new jobs when the queue is full', async () => {
    const spinning = runner({ workerFile: fixture('spin-worker.ts'), timeoutMs: 500, maxQueue: 2 });
    // Submitted together, while the worker starts: the first two wait for it, the third finds the
    // queue full. Once ready, the worker takes the first; the second goes to its replacement.
    const running = spinning.lint('first');
    const queued = spinning.lint('second');
    expect(await spinning.lint('third')).toEqual({ ok: false, error: 'flow-runner-busy' });
    expect(await running).toEqual({ ok: false, error: 'flow-too-slow' });
    expect(await queued).toEqual({ ok: false, error: 'flow-too-slow' });
  });

  it('does not count starting a worker against a job’s time limit', async () => {
    // The worker takes 2 s to load and answers at once; the job's limit is 1 s.
    const slowStart = runner({ workerFile: fixture('slow-start-worker.ts'), timeoutMs: 1_000 });
    expect(await slowStart.lint('anything')).toEqual({ ok: true, value: 'answered' });
  });

  it('refuses a job, rather than waiting for ever, when a worker cannot start or never gets ready', async () => {
    const missing = runner({ workerFile: fixture('no-such-worker.ts') });
    expect(await missing.lint('anything')).toEqual({
      ok: false,
      error: 'flow-runner-unavailable',
    });
    const stuck = runner({ workerFile: fixture('never-ready-worker.ts'), startupMs: 300 });
    const [first, second] = await Promise.all([stuck.lint('one'), stuck.lint('two')]);
    expect(first).toEqual({ ok: false, error: 'flow-runner-unavailable' });
    expect(second).toEqual({ ok: false, error: 'flow-runner-unavailable' });
  });

  it('keeps a successful lint by language and text, and runs any other', async () => {
    const counting = runner({ workerFile: fixture('counting-worker.ts'), keptLints: 2 });
    const n = async (source: string, language?: 'en' | 'es') => {
      const linted = await counting.lint(source, language);
      return linted.ok ? (linted.value as unknown as { n: number }).n : linted.error;
    };
    expect(await n('flow a')).toBe(1);
    expect(await n('flow a')).toBe(1);
    expect(await n('flow a', 'es')).toBe(2);
    expect(await n('flow b')).toBe(3);
    // At most two kept, least recently used dropped: 'flow a' in English went first.
    expect(await n('flow b')).toBe(3);
    expect(await n('flow a')).toBe(4);
    const none = runner({ workerFile: fixture('counting-worker.ts'), keptLints: 0 });
    await none.lint('same');
    expect(await none.lint('same')).toMatchObject({ ok: true, value: { n: 2 } });
  });
});
