import { describe, expect, it } from 'vitest';
import { lintBot, parseBot, runScript } from '~/lib/bot/index.ts';
import type { Check } from '~/lib/bot/index.ts';
import { matchesPattern } from '~/lib/bot/pattern.ts';
import { FIXTURES_DIR, loadBot, loadExercise, readBotFile } from './helpers.ts';

const PAIRS = [
  { exercise: 'rides-exercise', starter: 'rides-starter', fix: 'rides-fixed' },
  { exercise: 'optin-exercise', starter: 'optin-starter', fix: 'optin-fixed' },
  { exercise: 'clinic-exercise', starter: 'clinic-starter', fix: 'clinic-fixed' },
];

describe('shipped exercises', () => {
  it.each(PAIRS)('$exercise names its starter', ({ exercise, starter }) => {
    expect(loadExercise(exercise).starter).toBe(starter);
  });

  it.each(PAIRS)('$starter fails at least one check of $exercise', ({ exercise, starter }) => {
    const result = runScript(loadBot(starter), loadExercise(exercise));
    expect(result.passed).toBe(false);
    expect(result.checks.filter((c) => !c.passed).length).toBeGreaterThan(0);
  });

  it.each(PAIRS)('a reasonable fix ($fix) passes every check of $exercise', ({ exercise, fix }) => {
    const bot = loadBot(fix, FIXTURES_DIR);
    const result = runScript(bot, loadExercise(exercise));
    expect(result.checks.filter((c) => !c.passed)).toEqual([]);
    expect(result.passed).toBe(true);
    const { sourceMap } = parseBot(readBotFile(fix, FIXTURES_DIR));
    expect(lintBot(bot, sourceMap)).toEqual([]);
  });
});

describe('runScript reasons', () => {
  const starter = loadBot('rides-starter');
  const fixed = loadBot('rides-fixed', FIXTURES_DIR);
  const run = (bot: typeof starter, check: Omit<Check, 'name'>) =>
    runScript(bot, { checks: [{ name: 'check', ...check }] }).checks[0]!;

  it('quotes what the bot said when an expectation fails', () => {
    expect(run(starter, { says: ['RIDE'], expect: ['ZIP'] }).reason).toBe(
      "After “RIDE” the bot said “Thanks! A volunteer will text you soon to set up your ride.”, which doesn't mention “ZIP”.",
    );
  });

  it('describes a passing check', () => {
    const result = run(fixed, { says: ['RIDE'], expect: ['/zip/i'] });
    expect(result).toMatchObject({
      passed: true,
      reason: 'After “RIDE” the bot said “What ZIP code should we pick you up in?”.',
    });
  });

  it('checks the opening messages when nothing is said', () => {
    expect(run(starter, { says: [], expect: ['STOP'] })).toMatchObject({
      passed: true,
      reason: expect.stringMatching(/^At the start the bot said/),
    });
  });

  it('explains expectLast, expectNot, silence, tags and vars failures', () => {
    expect(run(starter, { says: ['RIDE'], expectLast: '/zip/i' }).reason).toMatch(
      /last reply was “Thanks!.*which doesn't match \/zip\/i/,
    );
    expect(run(starter, { says: ['RIDE'], expectNot: ['volunteer'] }).reason).toMatch(
      /which shouldn't mention “volunteer”/,
    );
    expect(run(starter, { says: ['RIDE'], thenSilentOn: ['hello'] }).reason).toMatch(
      /^After “hello” the bot should stay silent, but it said “Rides to the Polls/,
    );
    expect(run(starter, { says: [], tags: ['rider'] }).reason).toBe(
      'The person should be tagged “rider”, but they have no tags.',
    );
    expect(run(starter, { says: ['RIDE'], vars: { zip: '94110' } }).reason).toBe(
      '{{zip}} should be “94110”, but it was never saved.',
    );
    expect(run(fixed, { says: ['RIDE', '94103'], vars: { zip: '94110' } }).reason).toBe(
      '{{zip}} should be “94110”, but it is “94103”.',
    );
  });

  it('explains a check whose last message got no reply', () => {
    expect(run(starter, { says: ['STOP', 'hi'], expectLast: 'anything' }).reason).toBe(
      'After “hi” the bot said nothing; its reply should mention “anything”.',
    );
  });

  it('records the transcript', () => {
    const result = run(fixed, { says: ['RIDE', '94110'], tags: ['rider'] });
    expect(result.transcript.map((t) => t.from)).toEqual(['bot', 'person', 'bot', 'person', 'bot']);
  });
});

describe('patterns', () => {
  it('are case-insensitive substrings unless written /like this/', () => {
    expect(matchesPattern('Reply STOP to opt out', 'stop')).toBe(true);
    expect(matchesPattern('You are unsubscribed', '/stopped|unsubscribed/i')).toBe(true);
    expect(matchesPattern('You are UNSUBSCRIBED', '/unsubscribed/')).toBe(false);
  });
});
