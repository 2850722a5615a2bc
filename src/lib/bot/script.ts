/**
 * Scripted checks: drive a bot through each check's messages and explain, in plain words,
 * what passed or failed. Used by playground exercises (exercise.ts) and by tests.
 *
 * Every check starts a fresh conversation on a fixed clock (Election Day 2026, 8am Pacific;
 * one minute between messages), so results never depend on when they run.
 */
import { handleMessage, startConversation } from './engine.ts';
import { MAX_CHECK_CHARS } from './limits.ts';
import { describePattern, matchesPattern } from './pattern.ts';
import type { Bot, Check, CheckResult, ConversationState, Reply, ScriptResult } from './types.ts';

const CLOCK_START = Date.UTC(2026, 10, 3, 16, 0, 0);
const MINUTE = 60_000;

const clip = (text: string) => `“${text.length > 120 ? `${text.slice(0, 117)}…` : text}”`;
const spoken = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

/**
 * Run every check against `bot`.
 * @example
 * const result = runScript(bot, { checks: [{ name: "RIDE asks for a ZIP", says: ["RIDE"], expect: ["ZIP"] }] });
 * result.checks[0]?.reason; // "After “RIDE” the bot said “What's your ZIP code?”."
 */
export function runScript(bot: Bot, script: { checks: Check[] }): ScriptResult {
  const checks = script.checks.map((check) => {
    try {
      return runCheck(bot, check);
    } catch (error) {
      return { name: check.name, passed: false, reason: `The bot stopped with an error: ${String(error)}`, transcript: [] };
    }
  });
  return { passed: checks.every((c) => c.passed), checks };
}

function runCheck(bot: Bot, check: Check): CheckResult {
  const transcript: CheckResult['transcript'] = [];
  let now = CLOCK_START;
  let { state, replies } = startConversation(bot, { now });
  let heardChars = 0;
  const hear = (list: Reply[]) => list.forEach((r) => [transcript.push({ from: 'bot', text: r.text }), (heardChars += r.text.length)]);
  const tooLong = () => heardChars > MAX_CHECK_CHARS;
  const send = (text: string, from: ConversationState): { state: ConversationState; replies: Reply[] } => {
    transcript.push({ from: 'person', text });
    const turn = handleMessage(bot, from, text, { now: (now += MINUTE) });
    hear(turn.replies);
    return turn;
  };
  const fail = (reason: string): CheckResult => ({ name: check.name, passed: false, reason, transcript });
  const overLimit = () => fail(`The bot said more than ${MAX_CHECK_CHARS.toLocaleString('en-US')} characters in this check; shorten its messages or stop it repeating itself.`);
  hear(replies);
  for (const text of check.says) {
    if (tooLong()) return overLimit();
    ({ state, replies } = send(text, state));
  }
  if (tooLong()) return overLimit();
  const lastSaid = check.says.at(-1);
  const after = lastSaid === undefined ? 'At the start' : `After “${lastSaid}”`;
  const heard = spoken(replies);
  const said = replies.length ? `said ${clip(heard)}` : 'said nothing';

  for (const pattern of check.expect ?? []) {
    if (!matchesPattern(heard, pattern)) return fail(`${after} the bot ${said}, which doesn't ${describePattern(pattern)}.`);
  }
  if (check.expectLast !== undefined) {
    const last = replies.at(-1)?.text;
    if (last === undefined) return fail(`${after} the bot said nothing; its reply should ${describePattern(check.expectLast)}.`);
    if (!matchesPattern(last, check.expectLast)) return fail(`${after} the bot's last reply was ${clip(last)}, which doesn't ${describePattern(check.expectLast)}.`);
  }
  for (const pattern of check.expectNot ?? []) {
    if (matchesPattern(heard, pattern)) return fail(`${after} the bot ${said}, which shouldn't ${describePattern(pattern)}.`);
  }
  for (const text of check.thenSilentOn ?? []) {
    const turn = send(text, state);
    state = turn.state;
    if (turn.replies.length) return fail(`After “${text}” the bot should stay silent, but it said ${clip(spoken(turn.replies))}.`);
  }
  for (const tag of check.tags ?? []) {
    if (!state.tags.includes(tag)) {
      return fail(`The person should be tagged “${tag}”, but ${state.tags.length ? `their tags are ${state.tags.join(', ')}` : 'they have no tags'}.`);
    }
  }
  for (const [name, expected] of Object.entries(check.vars ?? {})) {
    const value = state.vars[name];
    const actual = value === undefined ? undefined : typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (actual !== expected) return fail(`{{${name}}} should be “${expected}”, but ${actual === undefined ? 'it was never saved' : `it is “${actual}”`}.`);
  }
  const silent = check.thenSilentOn?.length ? ', then stayed silent' : '';
  return { name: check.name, passed: true, reason: `${after} the bot ${said}${silent}.`, transcript };
}
