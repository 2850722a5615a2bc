import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport } from '~/lib/admin/import';
import { parseCsv } from '~/lib/admin/csv';
import { handleMessage, startConversation } from '~/lib/bot/engine';
import { MAX_REPLIES_PER_TURN, MAX_REPLY_CHARS, MAX_TURN_CHARS } from '~/lib/bot/limits';
import { parseBot } from '~/lib/bot/parse';
import { courseSchema, lessonSchema, quizSchema } from '~/lib/content/schemas';
import { chooseAmount, MAX_AMOUNT, parseAmount } from '~/lib/payments/amount';
import { freshDb } from './fixtures';

// Random input through every parser that reads what a person, a file or the network sends:
// each must answer with a value or a clear error, never throw, never exceed its limits.

const BOTS_DIR = join(import.meta.dirname, '../../content/bots');
const shippedBots = readdirSync(BOTS_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, text: readFileSync(join(BOTS_DIR, f), 'utf8') }))
  // Exercise files describe a task around a starter bot; the bots themselves are the rest.
  .filter(({ text }) => !/^kind:\s*exercise/m.test(text))
  .map(({ file, text }) => ({ file, bot: parseBot(text).bot }));

/** Text a person might send a bot: keywords, numbers, accents, emoji, long runs, control characters. */
const message = fc.oneof(
  fc.constantFrom(
    'STOP',
    'stop',
    'BASTA',
    'ALTO',
    'HELP',
    'AYUDA',
    'yes',
    'sí',
    'no',
    '1',
    '2',
    '94110',
    'START',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: -1e6, max: 1e9 }).map(String),
);

describe('properties', () => {
  it('every shipped bot answers any sequence of messages within its limits', () => {
    expect(shippedBots.length).toBeGreaterThanOrEqual(10);
    for (const { file, bot } of shippedBots) {
      expect(bot, file).not.toBeNull();
      fc.assert(
        fc.property(fc.array(message, { maxLength: 12 }), (messages) => {
          let turn = startConversation(bot!, { now: 0 });
          for (const [i, text] of messages.entries()) {
            turn = handleMessage(bot!, turn.state, text, { now: (i + 1) * 60_000 });
            expect(turn.replies.length).toBeLessThanOrEqual(MAX_REPLIES_PER_TURN);
            expect(turn.replies.reduce((n, r) => n + r.text.length, 0)).toBeLessThanOrEqual(
              MAX_TURN_CHARS,
            );
            for (const reply of turn.replies)
              expect(reply.text.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
          }
        }),
        { numRuns: 60 },
      );
    }
  });

  it('a bot file of any text parses to a bot or to problems with line numbers (0: the whole file)', () => {
    const yamlish = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .array(
          fc.constantFrom(
            'id: x\n',
            'start: a\n',
            'steps:\n',
            '  a:\n',
            '    say: hi\n',
            '    ask: "?"\n',
            '    goto: a\n',
            '    save: z\n',
            '  - 1\n',
            ': :\n',
            '{\n',
            '"\n',
            '\t\n',
          ),
          { maxLength: 20 },
        )
        .map((lines) => lines.join('')),
    );
    fc.assert(
      fc.property(yamlish, (text) => {
        const { bot, problems } = parseBot(text);
        if (bot === null) expect(problems.length).toBeGreaterThan(0);
        for (const p of problems)
          expect(
            Number.isInteger(p.line) && p.line >= 0 && p.line <= text.split('\n').length + 1,
          ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('an amount of any text is a number within bounds or a named error', () => {
    const price = {
      type: 'pay-what-you-can',
      minimum: 15,
      suggested: 49,
      currency: 'USD',
    } as const;
    const amountText = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^[$€ ]?\d{0,7}([.,]\d{0,4})*$/),
    );
    fc.assert(
      fc.property(amountText, (text) => {
        const parsed = parseAmount(text);
        if (parsed !== null) expect(Number.isFinite(parsed) && parsed >= 0).toBe(true);
        const chosen = chooseAmount(price, text);
        if (chosen.ok) {
          expect(Number.isInteger(chosen.value.minor)).toBe(true);
          expect(chosen.value.minor).toBeGreaterThanOrEqual(1500);
          expect(chosen.value.minor).toBeLessThanOrEqual(MAX_AMOUNT * 100);
        } else {
          expect(['amount-invalid', 'amount-below-minimum', 'amount-above-maximum']).toContain(
            chosen.error,
          );
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('content schemas reject anything malformed with issues, never an exception', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (value) => {
        for (const schema of [courseSchema, lessonSchema, quizSchema]) {
          const result = schema.safeParse(value);
          if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('an import file of any content is planned with each problem on a line of the file', async () => {
    const db = await freshDb();
    const courses = new Set(['texting-for-turnout']);
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.emailAddress(),
      fc.constantFrom('texting-for-turnout', 'nope', '=cmd()', '"', ';', ',', '\n'),
    );
    const file = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc
        .tuple(
          fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 15 }),
          fc.constantFrom('\n', '\r\n'),
        )
        .map(([rows, lineBreak]) =>
          ['email,name,course', ...rows.map((r) => r.join(','))].join(lineBreak),
        ),
    );
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        expect(() => parseCsv(text)).not.toThrow();
        const plan = await planImport(db.read, text, courses);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const problem of plan.problems)
          expect(problem.line >= 1 && problem.line <= lines + 1).toBe(true);
        for (const row of plan.rows) expect(courses.has(row.course)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
