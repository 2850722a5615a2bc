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

describe('FlowRunner', () => {
  it('lints a flow in a worker and hands back the parsed bot', async () => {
    const linted = await runner().lint(GOOD_FLOW);
    expect(linted.ok && linted.value.problems).toEqual([]);
    expect(linted.ok && linted.value.bot?.start).toBe('ask');
  });

  it('runs an exercise’s checks against a flow', async () => {
    const checked = await runner().check(GOOD_FLOW, EXERCISE);
    expect(checked.ok && checked.value.passed).toBe(true);
    const broken = await runner().check(GOOD_FLOW.replace('Thanks, {{zip}}.', 'Bye.'), EXERCISE);
    expect(broken.ok && broken.value.checks.map((c) => c.passed)).toEqual([true, false]);
  });

  it('answers a multiplying flow at once without stalling this thread', async () => {
    const flows = Array.from({ length: 4 }, () => runner().check(multiplyingFlow(9), { ...EXERCISE, checks: [{ name: 'x', says: ['GO', 'GO', 'GO'], expect: ['x'] }] }));
    const { result, lagMs } = await worstLag(Promise.all(flows));
    for (const checked of result) {
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(checked.value.problems.some((p) => p.rule === 'goto-loop' && p.severity === 'error')).toBe(true);
    }
    expect(lagMs).toBeLessThan(50);
  });

  it('stops a job that overruns its time, without stalling this thread, and keeps serving', async () => {
    const spinning = runner({ workerFile: fixture('spin-worker.ts'), timeoutMs: 300 });
    const { result, lagMs } = await worstLag(spinning.lint('anything'));
    expect(result).toEqual({ ok: false, error: 'flow-too-slow' });
    expect(lagMs).toBeLessThan(50);
    // The replaced worker takes the next job (and times out again, as this one always spins).
    expect(await spinning.lint('again')).toEqual({ ok: false, error: 'flow-too-slow' });
  });

  it('survives a worker that runs out of memory', async () => {
    const hog = runner({ workerFile: fixture('hog-worker.ts'), memoryMb: 16, timeoutMs: 20_000 });
    expect(await hog.lint('anything')).toEqual({ ok: false, error: 'flow-too-big' });
  });

  it('refuses new jobs when the queue is full', async () => {
    const spinning = runner({ workerFile: fixture('spin-worker.ts'), timeoutMs: 500, maxQueue: 1 });
    const running = spinning.lint('first');
    await new Promise((r) => setTimeout(r, 50));
    const queued = spinning.lint('second');
    expect(await spinning.lint('third')).toEqual({ ok: false, error: 'flow-runner-busy' });
    expect(await running).toEqual({ ok: false, error: 'flow-too-slow' });
    expect(await queued).toEqual({ ok: false, error: 'flow-too-slow' });
  });
});
