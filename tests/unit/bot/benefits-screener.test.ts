/**
 * benefits-screener: the federal fiscal year its SNAP limits belong to, the pointer to a trusted
 * organization, and the questions it must never ask. (bots.test.ts covers the basic paths.)
 */
import { describe, expect, it } from 'vitest';
import { Chat, loadBot } from './helpers.ts';

const bot = loadBot('benefits-screener');
const screen = (...answers: string[]) => {
  const chat = new Chat(bot);
  chat.say('hi');
  chat.say(...answers);
  return chat;
};

/** Words that would mean a question about status, citizenship or identity numbers. */
const STATUS_QUESTION =
  /immigra|status|citizen|green card|visa|document|social security|ssn|\bid\b|name/i;

describe('benefits-screener: what it asks', () => {
  it('never asks about immigration status, citizenship, identity numbers or names', () => {
    const questions = Object.values(bot.steps).flatMap((step) => (step.ask ? [step.ask] : []));
    expect(questions.length).toBeGreaterThanOrEqual(6);
    for (const question of questions) expect(question).not.toMatch(STATUS_QUESTION);
  });

  it('says up front that it will not ask for status', () => {
    expect(new Chat(bot).say('hi')[1]).toContain(
      "won't ask for your name, ID numbers or immigration status",
    );
  });
});

describe('benefits-screener: fiscal year 2027 SNAP limits (48 states and DC)', () => {
  it.each([
    ['1', '1729', 'snap'],
    ['1', '1730', 'neither'],
    ['3', '2960', 'snap'],
    ['4', '3575', 'snap'],
    ['4', '3576', 'neither'],
    ['8', '6037', 'snap'],
    ['10', '7269', 'snap'],
    ['10', '7270', 'neither'],
  ])('a household of %s earning %s a month', (size, income, result) => {
    const chat = screen('yes', size, income, 'no', 'no');
    if (result === 'snap') {
      expect(chat.texts[0]).toContain('you may be eligible for SNAP');
      expect(chat.state.tags).toEqual(['may-qualify-snap']);
    } else {
      expect(chat.texts[0]).toContain('above the usual limits');
      expect(chat.state.tags).toEqual([]);
    }
  });

  it('uses the new limits, not fiscal year 2026 ones ($1,696 for one person)', () => {
    expect(screen('yes', '1', '1700', 'no', 'no').state.tags).toEqual(['may-qualify-snap']);
  });

  it('names the fiscal year and when the limits change, next to the links', () => {
    const chat = screen('yes', '2', '1500', 'no', 'no');
    const disclaimer = chat.texts[1]!;
    expect(disclaimer).toContain('estimate, not a decision');
    expect(disclaimer).toContain('fiscal year 2027 (Oct 1, 2026 to Sep 30, 2027)');
    expect(disclaimer).toContain('48 states and DC');
    expect(disclaimer).toContain('change every Oct 1');
    expect(chat.replies[1]?.buttons?.map((b) => b.title)).toEqual([
      'Find a SNAP office',
      'Child care help',
    ]);
    expect(bot.help).toContain('fiscal year 2027');
  });
});

describe('benefits-screener: immigration status', () => {
  it.each([
    ['a family that may qualify', ['yes', '3', '1900', 'no', 'yes', 'yes']],
    ['a household above the limits', ['yes', '2', '9000', 'no', 'no']],
    ['a senior above the gross limit', ['yes', '2', '2500', 'yes', 'no']],
  ])(
    'tells %s that status matters, that citizen children may qualify, and where to ask',
    (_, answers) => {
      const chat = screen(...answers);
      expect(chat.texts).toHaveLength(3);
      const last = chat.last;
      expect(last).toContain('immigration status affects who can get SNAP');
      expect(last).toContain('Children who are U.S. citizens may still qualify');
      expect(last).toContain('I never ask about status');
      expect(last).toMatch(/group you trust.*\(415\) 555-0147/);
      expect(chat.state.ended).toBe(true);
    },
  );

  it('asks nothing more after the status note, and can start over', () => {
    const chat = screen('yes', '1', '1200', 'no', 'no');
    expect(chat.state.waiting).toBeNull();
    expect(chat.say('START OVER').at(-1)).toBe('Ready to start?');
  });

  it('asks working parents about work, school or training (the federal child care conditions)', () => {
    const chat = screen('yes', '3', '1900', 'no', 'yes');
    expect(chat.last).toBe(
      'Are the parents or guardians at home working, or in school or job training?',
    );
  });
});
