import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleMessage, startConversation } from '~/lib/bot/index.ts';
import type { Bot, ConversationState, TurnResult } from '~/lib/bot/index.ts';
import { ELECTION_DAY, MINUTE, loadBot } from './helpers.ts';

const RIDES_SCRIPT = [
  'RIDE',
  'nope',
  '94110',
  'evening',
  'two',
  'yes',
  'thanks',
  'HELP',
  'STOP',
  'hello',
  'START',
];
const SCREENER_SCRIPT = ['hi', 'yes', '3', '1900', 'no', 'yes', 'yes'];

/** Run a whole conversation, optionally sending the state through JSON between turns. */
function converse(bot: Bot, messages: string[], viaJson = false): TurnResult[] {
  const turns = [startConversation(bot, { now: ELECTION_DAY })];
  let state: ConversationState = turns[0]!.state;
  messages.forEach((text, i) => {
    if (viaJson) state = JSON.parse(JSON.stringify(state)) as ConversationState;
    const turn = handleMessage(bot, state, text, { now: ELECTION_DAY + (i + 1) * MINUTE });
    turns.push(turn);
    state = turn.state;
  });
  return turns;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('determinism', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['rides-to-polls', RIDES_SCRIPT],
    ['benefits-screener', SCREENER_SCRIPT],
  ])('%s: the same inputs give the same outputs', (id, script) => {
    const bot = loadBot(id);
    expect(converse(bot, script)).toEqual(converse(bot, script));
  });

  it.each([
    ['rides-to-polls', RIDES_SCRIPT],
    ['benefits-screener', SCREENER_SCRIPT],
  ])('%s: state survives a JSON round trip between every turn', (id, script) => {
    const bot = loadBot(id);
    expect(converse(bot, script, true)).toEqual(converse(bot, script));
  });

  it('works on a bot that came through JSON (as the browser receives it)', () => {
    const bot = loadBot('nearest-clinic');
    const viaJson = JSON.parse(JSON.stringify(bot)) as Bot;
    expect(converse(viaJson, ['94110', 'CLINIC', '10001'])).toEqual(
      converse(bot, ['94110', 'CLINIC', '10001']),
    );
  });

  it('never mutates the bot or the state it is given', () => {
    const bot = deepFreeze(loadBot('rides-to-polls'));
    let state = deepFreeze(startConversation(bot, { now: ELECTION_DAY }).state);
    for (const text of RIDES_SCRIPT)
      state = deepFreeze(handleMessage(bot, state, text, { now: ELECTION_DAY }).state);
    expect(state.optedOut).toBe(false);
  });

  it('never reads the clock or random numbers', () => {
    const clock = vi.spyOn(Date, 'now');
    const random = vi.spyOn(Math, 'random');
    converse(loadBot('gig-workers-signup'), ['hi', 'Uber', 'Oakland', 'yes', 'sam@example.org']);
    expect(clock).not.toHaveBeenCalled();
    expect(random).not.toHaveBeenCalled();
  });

  it('keeps state plain JSON', () => {
    const [, ...turns] = converse(loadBot('rides-to-polls'), RIDES_SCRIPT);
    const state = turns.at(-1)!.state;
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state).toMatchObject({
      v: 1,
      channel: 'sms',
      lastUserMessageAt: ELECTION_DAY + RIDES_SCRIPT.length * MINUTE,
      turns: RIDES_SCRIPT.length,
    });
  });
});
