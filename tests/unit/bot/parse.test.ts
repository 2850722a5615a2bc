import { describe, expect, it } from 'vitest';
import { parseBot, parseExercise } from '~/lib/bot/index.ts';
import { SMS_HEADER, lineOf } from './helpers.ts';

const VALID = `${SMS_HEADER}maxSegments: 2
keywords:
  - match: GO
    goto: ask
lookups:
  places:
    07030: Hoboken
steps:
  welcome:
    say: "Hi! Reply STOP to opt out."
    goto: ask
  ask:
    ask: "How many?"
    save: count
    expect: { type: number, min: 1, max: 9, integer: yes }
    end: true
`;

const UNQUOTED_COLON = `id: x
name: X
steps:
  a:
    say: Hi: there
`;

const BAD_INDENT = `id: x
name: X
steps:
  a:
    say: hi
   goto: b
`;

const DUPLICATE_KEY = `id: x
name: X
name: Y
`;

const SCHEMA_ERRORS = `id: Bad Id
name: X
channel: fax
start: welcome
steps:
  welcome:
    sya: "typo"
    expect: zipcode
    save: 2fast
    end: maybe
  choose:
    ask: "Pick"
    expect: { type: choice }
    buttons:
      - { title: Both, url: "https://example.org", goto: welcome }
    branch:
      - goto: welcome
`;

describe('parseBot: valid bots', () => {
  it('normalises shorthands into the Bot shape', () => {
    const { bot, problems } = parseBot(VALID);
    expect(problems).toEqual([]);
    expect(bot).toMatchObject({
      id: 'test-bot',
      channel: 'sms',
      maxSegments: 2,
      keywords: [{ match: ['GO'], goto: 'ask' }],
      steps: {
        welcome: { say: ['Hi! Reply STOP to opt out.'], goto: 'ask' },
        ask: {
          ask: 'How many?',
          save: 'count',
          expect: { type: 'number', min: 1, max: 9, integer: true },
          end: true,
        },
      },
    });
  });

  it('keeps unquoted ZIP codes as written (leading zero included)', () => {
    expect(parseBot(VALID).bot?.lookups.places).toEqual({ '07030': 'Hoboken' });
  });

  it('returns a source map of every key', () => {
    const { sourceMap } = parseBot(VALID);
    expect(sourceMap['steps.ask.expect']).toEqual({ line: lineOf(VALID, 'expect:'), column: 5 });
    expect(sourceMap['keywords.0.goto']).toEqual({ line: lineOf(VALID, 'goto: ask'), column: 5 });
  });

  it('resolves YAML aliases', () => {
    const yaml = `${SMS_HEADER}lookups:\n  t:\n    a: &row { name: A }\n    b: *row\nsteps:\n  welcome:\n    say: "STOP to opt out"\n    end: true\n`;
    expect(parseBot(yaml).bot?.lookups.t).toEqual({ a: { name: 'A' }, b: { name: 'A' } });
  });

  it('keeps a key named __proto__ as plain data', () => {
    const yaml = `${SMS_HEADER}lookups:\n  t:\n    __proto__: { polluted: "yes" }\nsteps:\n  welcome:\n    say: "STOP to opt out"\n    end: true\n`;
    const { bot } = parseBot(yaml);
    expect(Object.keys(bot?.lookups.t ?? {})).toEqual(['__proto__']);
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
  });
});

describe('parseBot: YAML syntax errors', () => {
  it('reports the line and column of a syntax error and returns no bot', () => {
    const { bot, problems } = parseBot(UNQUOTED_COLON);
    expect(bot).toBeNull();
    expect(problems[0]).toMatchObject({
      line: lineOf(UNQUOTED_COLON, 'say: Hi: there'),
      column: 10,
      severity: 'error',
      rule: 'yaml',
    });
    expect(problems[0]?.message).toMatch(/put it in "quotes"/);
    expect(problems[0]?.message).not.toMatch(/at line/);
  });

  it('reports bad indentation at its line', () => {
    expect(parseBot(BAD_INDENT).problems[0]).toMatchObject({
      line: lineOf(BAD_INDENT, 'goto: b'),
      column: 1,
      severity: 'error',
    });
  });

  it('reports duplicate keys at the second one', () => {
    const { bot, problems } = parseBot(DUPLICATE_KEY);
    expect(bot).toBeNull();
    expect(problems[0]).toMatchObject({ line: 3, column: 1, severity: 'error' });
  });

  it('reports an empty file', () => {
    expect(parseBot('').problems).toEqual([
      expect.objectContaining({ line: 1, message: 'The file is empty.' }),
    ]);
    expect(parseBot('just a string').problems[0]?.message).toMatch(/fields written name: value/);
  });
});

describe('parseBot: format errors', () => {
  const { bot, problems } = parseBot(SCHEMA_ERRORS);
  const at = (marker: string) => problems.filter((p) => p.line === lineOf(SCHEMA_ERRORS, marker));

  it('returns no bot when there are errors', () => expect(bot).toBeNull());

  it.each([
    ['id: Bad Id', /not a valid bot id/],
    ['channel: fax', /sms or messenger/],
    ['sya:', /Unknown field "sya" \(did you mean "say"\?\)/],
    ['expect: zipcode', /Unknown answer type "zipcode"/],
    ['save: 2fast', /not a valid variable name/],
    ['end: maybe', /true or false/],
    ['expect: { type: choice }', /needs options/],
    ['- { title: Both', /either url: or goto:/],
    ['- goto: welcome', /needs if:/],
    ['  welcome:', /saves or expects an answer but has no ask/],
  ])('reports the problem at %j', (marker, message) => {
    expect(at(marker).map((p) => p.message)).toContainEqual(expect.stringMatching(message));
  });

  it('gives unknown fields a warning, not an error', () => {
    expect(at('sya:')[0]?.severity).toBe('warning');
  });

  it('reports missing required fields', () => {
    expect(parseBot('id: x\nname: X\n').problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'Missing channel.',
        'Missing start.',
        'A bot needs at least one step under steps.',
      ]),
    );
  });

  it('sorts problems top to bottom', () => {
    const lines = problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('refuses an exercise file', () => {
    expect(parseBot('kind: exercise\nid: x\n').problems.map((p) => p.message)).toContain(
      'This is an exercise file (kind: exercise), not a bot.',
    );
  });
});

describe('parseExercise', () => {
  const EXERCISE = `kind: exercise
id: demo-exercise
name: Demo
starter: demo-starter
checks:
  - name: Says hi
    says: hello
    expect: hi
  - name: Bad regex
    says: [x]
    expectLast: /unclosed(/
  - name: Nothing to check
    says: [x]
`;

  it('reads checks and reports bad ones with their line', () => {
    const { exercise, problems } = parseExercise(EXERCISE);
    expect(exercise).toBeNull();
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf(EXERCISE, 'expectLast'), '"/unclosed(/" is not a valid regular expression.'],
      [
        lineOf(EXERCISE, '- name: Nothing'),
        'A check needs something to verify: expect, expectLast, expectNot, thenSilentOn, tags or vars.',
      ],
    ]);
  });

  it('normalises single values into lists', () => {
    const { exercise } = parseExercise(EXERCISE.split('  - name: Bad regex')[0]!);
    expect(exercise?.checks).toEqual([{ name: 'Says hi', says: ['hello'], expect: ['hi'] }]);
  });

  it('requires kind: exercise', () => {
    expect(parseExercise('id: x\n').problems[0]?.message).toBe(
      'An exercise file needs kind: exercise.',
    );
  });
});
