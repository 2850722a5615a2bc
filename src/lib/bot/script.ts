/**
 * Scripted checks: drive a bot through each check's messages and explain, in plain words,
 * what passed or failed. Used by playground exercises (exercise.ts) and by tests.
 *
 * Every check starts a fresh conversation on a fixed clock (Election Day 2026, 8am Pacific;
 * one minute between messages), so results never depend on when they run.
 */
import { handleMessage, startConversation } from './engine.ts';
import { MAX_CHECK_CHARS } from './limits.ts';
import { matchesPattern } from './pattern.ts';
import { scriptReasons, type ScriptReasons } from './script-reasons.ts';
import type {
  Bot,
  Check,
  CheckResult,
  ConversationState,
  Language,
  Reply,
  ScriptResult,
} from './types.ts';

const CLOCK_START = Date.UTC(2026, 10, 3, 16, 0, 0);
const MINUTE = 60_000;

const clip = (text: string) => `“${text.length > 120 ? `${text.slice(0, 117)}…` : text}”`;
const spoken = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

/**
 * Run every check against `bot`. The explanations are in the script's language (an exercise's
 * `language:`), else the bot's, else English.
 * @example
 * const result = runScript(bot, { checks: [{ name: "RIDE asks for a ZIP", says: ["RIDE"], expect: ["ZIP"] }] });
 * result.checks[0]?.reason; // "After “RIDE” the bot said “What's your ZIP code?”."
 */
export function runScript(
  bot: Bot,
  script: { checks: Check[]; language?: Language },
): ScriptResult {
  const reasons = scriptReasons(script.language ?? bot.language);
  const checks = script.checks.map((check) => {
    try {
      return runCheck(bot, check, reasons);
    } catch (error) {
      return {
        name: check.name,
        passed: false,
        reason: reasons.crashed(String(error)),
        transcript: [],
      };
    }
  });
  return { passed: checks.every((c) => c.passed), checks };
}

function runCheck(bot: Bot, check: Check, reasons: ScriptReasons): CheckResult {
  const transcript: CheckResult['transcript'] = [];
  let now = CLOCK_START;
  let { state, replies } = startConversation(bot, { now });
  let heardChars = 0;
  const hear = (list: Reply[]) =>
    list.forEach((r) => [
      transcript.push({ from: 'bot', text: r.text }),
      (heardChars += r.text.length),
    ]);
  const tooLong = () => heardChars > MAX_CHECK_CHARS;
  const send = (
    text: string,
    from: ConversationState,
  ): { state: ConversationState; replies: Reply[] } => {
    transcript.push({ from: 'person', text });
    const turn = handleMessage(bot, from, text, { now: (now += MINUTE) });
    hear(turn.replies);
    return turn;
  };
  const fail = (reason: string): CheckResult => ({
    name: check.name,
    passed: false,
    reason,
    transcript,
  });
  const overLimit = () => fail(reasons.tooLong(MAX_CHECK_CHARS));
  hear(replies);
  for (const text of check.says) {
    if (tooLong()) return overLimit();
    ({ state, replies } = send(text, state));
  }
  if (tooLong()) return overLimit();
  const after = reasons.after(check.says.at(-1));
  const heard = spoken(replies);
  const said = reasons.said(replies.length ? clip(heard) : undefined);

  for (const pattern of check.expect ?? []) {
    if (!matchesPattern(heard, pattern)) return fail(reasons.missing(after, said, pattern));
  }
  if (check.expectLast !== undefined) {
    const last = replies.at(-1)?.text;
    if (last === undefined) return fail(reasons.lastMissing(after, check.expectLast));
    if (!matchesPattern(last, check.expectLast))
      return fail(reasons.lastWrong(after, clip(last), check.expectLast));
  }
  for (const pattern of check.expectNot ?? []) {
    if (matchesPattern(heard, pattern)) return fail(reasons.unwanted(after, said, pattern));
  }
  for (const text of check.thenSilentOn ?? []) {
    const turn = send(text, state);
    state = turn.state;
    if (turn.replies.length) return fail(reasons.notSilent(text, clip(spoken(turn.replies))));
  }
  for (const tag of check.tags ?? []) {
    if (!state.tags.includes(tag)) return fail(reasons.missingTag(tag, state.tags));
  }
  for (const [name, expected] of Object.entries(check.vars ?? {})) {
    const value = state.vars[name];
    const actual =
      value === undefined
        ? undefined
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
    if (actual !== expected) return fail(reasons.wrongVar(name, expected, actual));
  }
  return {
    name: check.name,
    passed: true,
    reason: reasons.passed(after, said, !!check.thenSilentOn?.length),
    transcript,
  };
}
