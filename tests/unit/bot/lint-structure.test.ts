import { describe, expect, it } from 'vitest';
import { lintBot, parseBot } from '~/lib/bot/index.ts';
import { lineOf, linesFor, lint } from './helpers.ts';

const STRUCTURE = `id: structure
name: Structure
channel: sms
help: "Structure: reply STOP to opt out."
start: welcome
fallback: missing-fallback
keywords:
  - match: [GO, RIDE]
    goto: ask
  - match: [ride]
    goto: ghost-keyword
steps:
  welcome:
    say: "Hi {{nickname}}! Text GO. Reply STOP to opt out."
  ask:
    ask: "ZIP?"
    save: zip
    expect: zip
    goto: maybe-name
  maybe-name:
    branch:
      - if: { var: zip, equals: "94110" }
        goto: ask-name
    goto: greet
  ask-name:
    ask: "Name?"
    save: name
    goto: greet
  greet:
    say: "Hello {{name}}, ZIP {{zip}}, {{name|friend}}."
    lookup: { table: nowhere, key: "{{zip}}", save: place, missing: ghost-missing }
    buttons:
      - { title: Again, goto: ghost-button }
    branch:
      - if: { var: zip, exists: true }
        goto: ghost-branch
  stuck:
    say: "Nothing after this."
  choose:
    branch:
      - if: { var: zip, equals: "1" }
        goto: stuck
  loop-a:
    goto: loop-b
  loop-b:
    goto: loop-a
`;

describe('lintBot: structure', () => {
  const problems = lint(STRUCTURE);

  it('reports unknown step references where they are written', () => {
    expect(linesFor(problems, 'unknown-step')).toEqual([
      lineOf(STRUCTURE, 'fallback: missing-fallback'),
      lineOf(STRUCTURE, 'goto: ghost-keyword'),
      lineOf(STRUCTURE, 'missing: ghost-missing'),
      lineOf(STRUCTURE, 'goto: ghost-button'),
      lineOf(STRUCTURE, 'goto: ghost-branch'),
    ]);
  });

  it('reports an unknown lookup table', () => {
    expect(linesFor(problems, 'unknown-lookup')).toEqual([
      lineOf(STRUCTURE, 'lookup: { table: nowhere'),
    ]);
  });

  it('reports unreachable steps at their id', () => {
    expect(linesFor(problems, 'unreachable')).toEqual([
      lineOf(STRUCTURE, '  stuck:'),
      lineOf(STRUCTURE, '  choose:'),
      lineOf(STRUCTURE, '  loop-a:'),
      lineOf(STRUCTURE, '  loop-b:'),
    ]);
  });

  it('reports steps with no way out, unless their text names a keyword', () => {
    expect(linesFor(problems, 'dead-end')).toEqual([lineOf(STRUCTURE, '  stuck:')]);
  });

  it('reports a branch with no default', () => {
    expect(linesFor(problems, 'branch-no-default')).toEqual([lineOf(STRUCTURE, '  choose:')]);
  });

  it('reports a variable that is never saved as an error', () => {
    const never = problems.filter((p) => p.rule === 'unsaved-variable');
    expect(never.map((p) => [p.line, p.severity, p.message])).toEqual([
      [
        lineOf(STRUCTURE, 'Hi {{nickname}}'),
        'error',
        '{{nickname}} is never saved: no step has save: nickname.',
      ],
    ]);
  });

  it('warns about a variable not saved on every path, but not when it has a default', () => {
    const maybe = problems.filter((p) => p.rule === 'maybe-unsaved');
    expect(maybe.map((p) => [p.line, p.severity])).toEqual([
      [lineOf(STRUCTURE, 'Hello {{name}}'), 'warning'],
    ]);
    expect(maybe[0]?.message).toContain('{{name}}');
  });

  it('reports duplicate keywords (case-insensitive) at the repeat', () => {
    const duplicates = problems.filter((p) => p.rule === 'duplicate-keyword');
    expect(duplicates.map((p) => [p.line, p.message])).toEqual([
      [lineOf(STRUCTURE, 'match: [ride]'), 'Keyword "ride" is already used by keyword 1.'],
    ]);
  });

  it('reports steps that loop without asking', () => {
    expect(linesFor(problems, 'goto-loop')).toEqual([lineOf(STRUCTURE, '  loop-a:')]);
  });

  it('reports an unknown start step', () => {
    const yaml = STRUCTURE.replace('start: welcome', 'start: wellcome');
    expect(lint(yaml).filter((p) => p.rule === 'unknown-step')[0]).toMatchObject({
      line: lineOf(yaml, 'start: wellcome'),
      column: 1,
      severity: 'error',
      message: 'There is no step named "wellcome".',
    });
  });

  it('gives 0:0 positions without a source map', () => {
    const { bot } = parseBot(STRUCTURE);
    expect(lintBot(bot!).every((p) => p.line === 0 && p.column === 0)).toBe(true);
  });
});
