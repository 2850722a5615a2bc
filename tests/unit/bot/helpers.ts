/**
 * Shared test helpers: load shipped bots, build small bots from YAML, and chat with them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  handleMessage,
  lintBot,
  parseBot,
  parseExercise,
  startConversation,
} from '~/lib/bot/index.ts';
import type { Bot, ConversationState, Exercise, Problem, Reply } from '~/lib/bot/index.ts';

export const BOTS_DIR = fileURLToPath(new URL('../../../content/bots/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Election Day 2026, 8am Pacific. */
export const ELECTION_DAY = Date.UTC(2026, 10, 3, 16, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function readBotFile(id: string, dir = BOTS_DIR): string {
  return readFileSync(`${dir}${id}.yaml`, 'utf8');
}

/** Parse a bot from YAML text, failing the test with its problems if it doesn't parse. */
export function botFrom(yaml: string): Bot {
  const { bot, problems } = parseBot(yaml);
  if (!bot)
    throw new Error(
      `Bot did not parse:\n${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`,
    );
  return bot;
}

export function loadBot(id: string, dir = BOTS_DIR): Bot {
  return botFrom(readBotFile(id, dir));
}

export function loadExercise(id: string): Exercise {
  const { exercise, problems } = parseExercise(readBotFile(id));
  if (!exercise) throw new Error(`Exercise did not parse: ${JSON.stringify(problems)}`);
  return exercise;
}

/** A conversation driven one message at a time, one minute apart (unless told otherwise). */
export class Chat {
  state: ConversationState;
  now: number;
  /** Replies to the most recent message (or the opening). */
  replies: Reply[];
  notes: string[];

  constructor(
    readonly bot: Bot,
    opts: { channel?: Bot['channel']; now?: number } = {},
  ) {
    this.now = opts.now ?? ELECTION_DAY;
    const turn = startConversation(bot, { channel: opts.channel, now: this.now });
    [this.state, this.replies, this.notes] = [turn.state, turn.replies, turn.notes];
  }

  /** Send messages in order; returns the texts of the replies to the last one. */
  say(...messages: string[]): string[] {
    for (const message of messages) {
      this.now += MINUTE;
      const turn = handleMessage(this.bot, this.state, message, { now: this.now });
      [this.state, this.replies, this.notes] = [turn.state, turn.replies, turn.notes];
    }
    return this.texts;
  }

  /** Move the clock forward (e.g. to leave Messenger's 24-hour window). */
  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  get texts(): string[] {
    return this.replies.map((r) => r.text);
  }

  get last(): string {
    return this.texts.at(-1) ?? '';
  }
}

/** Parse (must succeed) and lint a bot. */
export function lint(yaml: string, options?: { maxSegments?: number }): Problem[] {
  const { bot, sourceMap, problems } = parseBot(yaml);
  if (!bot) throw new Error(JSON.stringify(problems));
  return lintBot(bot, sourceMap, options);
}

/** Lines of the problems reported by one rule. */
export const linesFor = (problems: Problem[], rule: string) =>
  problems.filter((p) => p.rule === rule).map((p) => p.line);

/** 1-based line of the first line of `yaml` containing `marker`. */
export function lineOf(yaml: string, marker: string, occurrence = 1): number {
  let seen = 0;
  const index = yaml
    .split('\n')
    .findIndex((line) => line.includes(marker) && ++seen === occurrence);
  if (index < 0) throw new Error(`Marker not found: ${marker}`);
  return index + 1;
}

/** Minimal SMS bot header; steps are appended under `steps:`. */
export const SMS_HEADER = `id: test-bot
name: Test Bot
channel: sms
help: "Test Bot: text GO to start. Reply STOP to opt out."
start: welcome
`;

export const MESSENGER_HEADER = `id: test-bot
name: Test Bot
channel: messenger
help: "Test Bot help."
start: welcome
`;
