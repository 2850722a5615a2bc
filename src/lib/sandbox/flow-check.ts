/**
 * Linting and checking a learner's playground flow: pure functions over the YAML text. They run
 * inside the flow worker (flow-worker.ts), never on the server's main thread, so this module and
 * everything it imports use relative `.ts` imports and erasable TypeScript only (Node loads them
 * without a build step).
 */
import { lintBot, parseBot, runScript } from '../bot/index.ts';
import { problemTexts } from '../bot/problem-texts.ts';
import type { Bot, CheckResult, Exercise, Language, Problem } from '../bot/types.ts';

/** Largest flow a learner may save (a generous bot is a few kilobytes). */
export const MAX_DRAFT_LENGTH = 50_000;

export interface FlowLint {
  problems: Problem[];
  /** The parsed flow, for the browser to chat with; null when it does not parse. */
  bot: Bot | null;
}

export interface FlowCheck {
  problems: Problem[];
  checks: CheckResult[];
  passed: boolean;
}

/** A flow too long to read: not parsed, so only the exercise's language is known. */
const tooLong = (language: Language | undefined): Problem => ({
  line: 1,
  column: 1,
  severity: 'error',
  rule: 'size',
  message: problemTexts(language).flowTooLong(MAX_DRAFT_LENGTH),
});

/**
 * Parse and lint a flow for the editor's inline messages. The problems are written in
 * `language` (the exercise's), else the flow's own `language:`, else English.
 * @example lintFlow("id: x\nname: X\nstart: a\nsteps:\n  a:\n    say: [Hi]\n    end: true").problems // []
 */
export function lintFlow(source: string, language?: Language): FlowLint {
  if (source.length > MAX_DRAFT_LENGTH) return { problems: [tooLong(language)], bot: null };
  const { bot, problems, sourceMap } = parseBot(source, language);
  return {
    problems: bot ? [...problems, ...lintBot(bot, sourceMap, { language })] : problems,
    bot,
  };
}

/**
 * Lint a flow, then (when it has no errors) run the exercise's scripted checks against it; the
 * problems and the explanations are in the exercise's language.
 * @example checkFlow(source, exercise).passed // true when every check passed
 */
export function checkFlow(source: string, exercise: Exercise): FlowCheck {
  const { bot, problems } = lintFlow(source, exercise.language);
  if (!bot || problems.some((p) => p.severity === 'error'))
    return { problems, checks: [], passed: false };
  const { checks, passed } = runScript(bot, exercise);
  return { problems, checks, passed };
}
