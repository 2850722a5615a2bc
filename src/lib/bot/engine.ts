/**
 * The conversation engine: (bot, state, incoming text, {now}) → (new state, replies).
 *
 * Pure and deterministic: no clock, no randomness, no I/O, and the input state is never
 * mutated. State is plain JSON, so it can be stored anywhere and resumed later.
 *
 * Order of precedence for an incoming message:
 * 1. SMS carrier rules (sms.ts): opt-out (even mid-question), silence while opted out except
 *    START/YES/UNSTOP and HELP, HELP/INFO.  On Messenger HELP answers only if `help:` is set.
 * 2. Messenger's first message starts the conversation (keyword target, else `start`).
 * 3. An exact global keyword (keywords.ts explains when a pending question keeps priority).
 * 4. The pending question: a tapped button, else the answer is validated, saved, and the
 *    step's branch/goto/end followed; an invalid answer tries a typo'd keyword, else re-asks.
 * 5. Idle (no question pending, conversation ended or dead end): a typo'd keyword, else the
 *    `fallback` step, else the help text, else `start` again.
 *
 * Every turn stays within limits.ts (replies, characters, steps), whoever wrote the bot: a turn
 * that reaches one stops there and says why in `notes`.
 */
import { builtinTexts } from './builtin-texts.ts';
import { fuzzyEquals, normalize } from './fuzzy.ts';
import { matchKeyword } from './keywords.ts';
import { cutTitle, messengerButtons, messengerQuickReplies, outsideWindow } from './messenger.ts';
import { own, setOwn } from './record.ts';
import { isHelp, isOptIn, isOptOut, maybeOptOut, smsSegments } from './sms.ts';
import {
  MAX_HOPS,
  MAX_REPLIES_PER_TURN,
  MAX_REPLY_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_TURN_CHARS,
} from './limits.ts';
import { interpolate, readVar } from './template.ts';
import type {
  Bot,
  Channel,
  Condition,
  Lookup,
  ConversationState,
  Reply,
  Step,
  TurnResult,
} from './types.ts';
import { validateAnswer } from './validators.ts';

const HOUR = 3_600_000;

interface Turn {
  bot: Bot;
  s: ConversationState;
  now: number;
  delay: number;
  replies: Reply[];
  notes: string[];
  /** Characters sent this turn, against MAX_TURN_CHARS. */
  chars: number;
  /** Set when the turn reached a limit: nothing more is said. */
  stopped: boolean;
}

/**
 * Begin a conversation. On SMS the bot speaks first (the `start` step runs); on Messenger the
 * person does, so this returns no replies and the first `handleMessage` runs `start`.
 * @example const { state, replies } = startConversation(bot, { now: Date.parse("2026-11-03T08:00:00Z") });
 */
export function startConversation(bot: Bot, opts: { channel?: Channel; now: number }): TurnResult {
  const channel = opts.channel ?? bot.channel;
  const s: ConversationState = {
    v: 1,
    channel,
    started: channel === 'sms',
    waiting: null,
    attempts: 0,
    ended: false,
    optedOut: false,
    vars: {},
    tags: [],
    lastUserMessageAt: null,
    turns: 0,
  };
  const t: Turn = newTurn(bot, s, opts.now);
  if (s.started) enter(t, bot.start);
  return { state: s, replies: t.replies, notes: t.notes };
}

/**
 * Handle one incoming message and return the new state and the bot's replies.
 * @example
 * let { state } = startConversation(bot, { now: 0 });
 * const turn = handleMessage(bot, state, "RIDE", { now: 1000 });
 * turn.replies[0]?.text; // "What's your ZIP code?"
 */
export function handleMessage(
  bot: Bot,
  state: ConversationState,
  text: string,
  opts: { now: number },
): TurnResult {
  const s: ConversationState = {
    ...state,
    vars: { ...state.vars },
    tags: [...state.tags],
    lastUserMessageAt: opts.now,
    turns: state.turns + 1,
  };
  const t: Turn = newTurn(bot, s, opts.now);
  const result = () => ({ state: s, replies: t.replies, notes: t.notes });
  const texts = builtinTexts(bot.language);
  if (s.channel === 'sms') {
    if (s.optedOut) {
      if (isOptIn(text)) {
        s.optedOut = false;
        say(t, bot.optInConfirmation, 'optInConfirmation', texts.optIn);
      } else if (isHelp(text)) say(t, bot.help, 'help', texts.help);
      return result();
    }
    const confirming = s.confirmingOptOut === true;
    delete s.confirmingOptOut;
    // A yes to the clarifying question opts out silently: that question was the one text the FCC
    // allows after an opt-out request, and it already said what YES does.
    if (confirming && isYes(text)) {
      Object.assign(s, { optedOut: true, waiting: null, attempts: 0 });
      return result();
    }
    if (isOptOut(text)) {
      Object.assign(s, { optedOut: true, waiting: null, attempts: 0 });
      say(t, bot.optOutConfirmation, 'optOutConfirmation', texts.optOut);
      return result();
    }
    // Unclear ("fin", "enough"): ask once, keep the pending question, never treat it as an answer.
    // The question is in the language of the word, which may not be the bot's.
    const language = confirming ? null : maybeOptOut(text);
    if (language) {
      s.confirmingOptOut = true;
      say(t, undefined, 'confirmOptOut', builtinTexts(language).confirmOptOut);
      return result();
    }
  }
  if ((s.channel === 'sms' || bot.help) && isHelp(text)) {
    say(t, bot.help, 'help', texts.help);
    return result();
  }
  if (!s.started) {
    s.started = true;
    enter(t, matchKeyword(bot, text, true)?.goto ?? bot.start);
    return result();
  }
  const waiting = s.waiting === null ? undefined : own(bot.steps, s.waiting);
  const exact = matchKeyword(bot, text, false);
  if (exact && !(waiting && isOffered(waiting, text))) enter(t, exact.goto);
  else if (waiting) answer(t, waiting, text);
  else {
    const keyword = matchKeyword(bot, text, true);
    if (keyword) enter(t, keyword.goto);
    else if (bot.fallback) enter(t, bot.fallback);
    else if (bot.help) say(t, bot.help, 'help', '');
    else enter(t, bot.start);
  }
  return result();
}

function newTurn(bot: Bot, s: ConversationState, now: number): Turn {
  return { bot, s, now, delay: 0, replies: [], notes: [], chars: 0, stopped: false };
}

const YES = new Set(['yes', 'y', 'yeah', 'si', 's', 'claro']);
const isYes = (text: string) => YES.has(normalize(text));

/** Is `text` exactly one of the step's options, quick replies or button titles? */
function isOffered(step: Step, text: string): boolean {
  const n = normalize(text);
  const offered = [
    ...(step.expect?.options ?? []),
    ...(step.quickReplies ?? []),
    ...(step.buttons ?? []).map((b) => b.title),
  ];
  return offered.some((o) => normalize(o) === n);
}

function answer(t: Turn, step: Step, text: string): void {
  const { s, bot } = t;
  const id = s.waiting!;
  const button = step.buttons?.find(
    (b) => b.goto && (fuzzyEquals(text, b.title) || fuzzyEquals(text, cutTitle(b.title))),
  );
  if (button?.goto) return enter(t, button.goto);
  const options = step.expect?.options;
  const result =
    step.ask === undefined
      ? { ok: false as const, hint: builtinTexts(bot.language).buttons }
      : validateAnswer(step.expect ?? { type: 'text' }, text, {
          aliases: s.channel === 'messenger' ? options?.map(cutTitle) : undefined,
          language: bot.language,
        });
  if (!result.ok) {
    const keyword = matchKeyword(bot, text, true);
    if (keyword) return enter(t, keyword.goto);
    s.attempts++;
    const kind = step.ask === undefined ? 'buttons' : (step.expect?.type ?? 'text');
    const source = step.invalid === undefined ? `builtin:invalid-${kind}` : `steps.${id}.invalid`;
    return void emit(t, step.invalid ?? result.hint, id, source, step, true);
  }
  if (step.save) setOwn(s.vars, step.save, result.value);
  Object.assign(s, { waiting: null, attempts: 0 });
  const next = nextStep(t, step);
  if (next !== undefined) enter(t, next);
}

/** Run steps from `id` until one waits for an answer, ends, or has nowhere to go. */
function enter(t: Turn, id: string): void {
  const { s, bot } = t;
  Object.assign(s, { waiting: null, attempts: 0, ended: false });
  let current: string | undefined = id;
  for (let hops = 0; current !== undefined && !t.stopped; hops++) {
    const step: Step | undefined = own(bot.steps, current);
    if (!step || hops >= MAX_HOPS) {
      t.notes.push(
        step
          ? `Stopped after ${MAX_HOPS} steps without a question: check for a goto loop.`
          : `Step "${current}" does not exist.`,
      );
      return;
    }
    t.delay += (step.delayHours ?? 0) * HOUR;
    if (step.lookup) {
      const { table, key, save, missing }: Lookup = step.lookup;
      const row = findRow(own(bot.lookups, table) ?? {}, interpolate(key, s.vars, MAX_REPLY_CHARS));
      if (row !== undefined) setOwn(s.vars, save, row);
      else {
        delete s.vars[save];
        if (missing !== undefined) {
          current = missing;
          continue;
        }
      }
    }
    for (const tag of step.tag ?? []) {
      const name = slug(t, tag);
      if (!s.tags.includes(name) && s.tags.length < MAX_TAGS) s.tags.push(name);
    }
    for (const tag of step.untag ?? []) s.tags = s.tags.filter((x) => x !== slug(t, tag));
    const waits = step.ask !== undefined || !!step.buttons?.some((b) => b.goto);
    const texts = [...(step.say ?? []), ...(step.ask === undefined ? [] : [step.ask])];
    texts.forEach((text, i) => {
      const last = i === texts.length - 1;
      const source =
        step.ask !== undefined && last ? `steps.${current}.ask` : `steps.${current}.say.${i}`;
      emit(t, text, current!, source, step, last);
    });
    if (waits) {
      s.waiting = current;
      return;
    }
    current = nextStep(t, step);
  }
}

/** Where a step goes after it has run (and, for questions, been answered). */
function nextStep(t: Turn, step: Step): string | undefined {
  const branch = step.branch?.find((b) => b.if.every((c) => holds(t, c)));
  const next = branch?.goto ?? step.goto;
  if (next === undefined && step.end) t.s.ended = true;
  return next;
}

function holds(t: Turn, c: Condition): boolean {
  const fill = (v: string) => interpolate(v, t.s.vars, MAX_REPLY_CHARS);
  if (c.tagged !== undefined) return t.s.tags.includes(slug(t, c.tagged));
  const raw = c.var === undefined ? undefined : readVar(t.s.vars, c.var);
  const value =
    raw === undefined || raw === ''
      ? undefined
      : interpolate(`{{${c.var}}}`, t.s.vars, MAX_REPLY_CHARS);
  const same = (x: string) => value !== undefined && normalize(value) === normalize(fill(x));
  const compare = (x: string | undefined, ok: (a: number, b: number) => boolean) =>
    x === undefined ||
    (value !== undefined && value.trim() !== '' && ok(Number(value), Number(fill(x))));
  return (
    (c.exists === undefined || (value !== undefined) === c.exists) &&
    (c.equals === undefined || same(c.equals)) &&
    (c.in === undefined || c.in.some(same)) &&
    compare(c.gt, (a, b) => a > b) &&
    compare(c.gte, (a, b) => a >= b) &&
    compare(c.lt, (a, b) => a < b) &&
    compare(c.lte, (a, b) => a <= b)
  );
}

/** Exact key first (case-insensitive), then the longest "941*"-style prefix key. */
function findRow<T>(table: { [key: string]: T }, key: string): T | undefined {
  const k = key.trim().toLowerCase();
  let best: T | undefined;
  let bestLength = -1;
  for (const [name, row] of Object.entries(table)) {
    const n = name.toLowerCase();
    if (n === k) return row;
    if (n.endsWith('*') && n.length > bestLength && k.startsWith(n.slice(0, -1)))
      [best, bestLength] = [row, n.length];
  }
  return best;
}

function slug(t: Turn, tag: string): string {
  return interpolate(tag, t.s.vars, MAX_TAG_CHARS).trim().toLowerCase().replace(/\s+/g, '-');
}

function say(t: Turn, text: string | undefined, field: string, fallback: string): void {
  const body = text ?? fallback.replace('{name}', t.bot.name);
  if (body) emit(t, body, null, text === undefined ? `builtin:${field}` : field);
}

function emit(
  t: Turn,
  text: string,
  stepId: string | null,
  source: string,
  step?: Step,
  extras = false,
): void {
  const { s, now } = t;
  if (t.stopped) return;
  if (t.replies.length >= MAX_REPLIES_PER_TURN || t.chars >= MAX_TURN_CHARS) {
    t.stopped = true;
    t.notes.push(
      `Stopped after ${t.replies.length} replies (${t.chars} characters) in one turn: a bot may send at most ${MAX_REPLIES_PER_TURN} replies and ${MAX_TURN_CHARS} characters per message it receives.`,
    );
    return;
  }
  const reply: Reply = { text: interpolate(text, s.vars, MAX_REPLY_CHARS), stepId, source };
  if (reply.text.length === MAX_REPLY_CHARS && reply.text.endsWith('…'))
    t.notes.push(`A reply from ${source} was cut at ${MAX_REPLY_CHARS} characters.`);
  t.chars += reply.text.length;
  const messenger = s.channel === 'messenger';
  if (extras && step && messenger) {
    const quick =
      step.quickReplies ??
      step.expect?.options ??
      (step.expect?.type === 'yes-no' ? builtinTexts(t.bot.language).yesNoReplies : undefined);
    if (quick?.length)
      reply.quickReplies = messengerQuickReplies(
        quick.map((q) => interpolate(q, s.vars, MAX_REPLY_CHARS)),
      );
    if (step.buttons?.length) reply.buttons = messengerButtons(step.buttons);
  }
  if (!messenger) reply.sms = smsSegments(reply.text);
  if (t.delay) reply.sendAt = now + t.delay;
  if (messenger && t.delay && outsideWindow(s.lastUserMessageAt, now + t.delay))
    reply.outsideWindow = true;
  if (step?.promotional) reply.promotional = true;
  t.replies.push(reply);
}
