/**
 * The sentences of every problem a bot file can have (YAML syntax, format, lint, channel rules),
 * in the language of the person reading them: a learner doing a Spanish exercise reads what is
 * wrong with their flow in Spanish. Each language has its own module (problem-texts-en.ts,
 * problem-texts-es.ts) typed by `ProblemTexts`, so a missing sentence fails the type check.
 *
 * Field names (`ask:`, `goto:`), YAML paths and carrier keywords (STOP, HELP) stay as written:
 * they are what the reader types.
 */
import type { ErrorCode } from 'yaml';
import { PROBLEM_TEXTS_EN } from './problem-texts-en.ts';
import { PROBLEM_TEXTS_ES } from './problem-texts-es.ts';
import type { Language } from './types.ts';

/** The kinds of name a field may hold, each with its own allowed characters. */
export type NameKind = 'botId' | 'exerciseId' | 'stepId' | 'variable' | 'table';

export interface ProblemTexts {
  // parse.ts: YAML syntax, before anything is known about the bot.
  /**
   * `message` is the YAML parser's own (English) first line, without its position;
   * `colonInText` is set when it most likely means unquoted text with ": " in it.
   */
  yamlSyntax(error: { code: ErrorCode; message: string; colonInText: boolean }): string;
  tooManyAliases(max: number): string;
  emptyFile: string;
  /** The playground refuses to read a flow this long. */
  flowTooLong(maxChars: number): string;

  // reader.ts: a field of the wrong shape. `path` is "" at the top level.
  notAMap(path: string): string;
  unknownField(key: string, guess: string | undefined): string;
  notText(path: string): string;
  missing(path: string): string;
  notTextOrList(path: string): string;
  notNumber(path: string): string;
  notBoolean(path: string): string;
  notList(path: string): string;
  badName(value: string, kind: NameKind): string;
  unknownLanguage(value: string, languages: string[]): string;

  // schema.ts: the bot format.
  exerciseNotBot: string;
  unknownKind: string;
  unknownChannel: string;
  noSteps: string;
  keywordWithoutMatch: string;
  saveWithoutAsk(path: string): string;
  buttonsWithoutText(path: string): string;
  unknownAnswerType(type: string, types: string[]): string;
  choiceWithoutOptions: string;
  buttonTarget: string;
  branchWithoutIf: string;
  conditionTarget: string;

  // exercise.ts: the exercise format (instructors only).
  notAnExercise: string;
  badRegex(value: string): string;
  checkWithoutExpectation: string;
  noChecks: string;

  // lint.ts: flows that parse but break a conversation.
  unknownStep(name: string): string;
  unknownLookup(table: string): string;
  unreachable(id: string): string;
  branchNoDefault(id: string): string;
  deadEnd(id: string): string;
  /** `firstKeyword` is the 1-based keyword that already has the word, or "same" for this one. */
  duplicateKeyword(word: string, firstKeyword: number | 'same'): string;
  unsavedVariable(name: string): string;
  maybeUnsaved(name: string): string;
  gotoLoop(id: string): string;

  // compliance.ts: channel rules.
  smsOptOutMissing: string;
  smsHelpMissing: string;
  smsHelpNoOptOut: string;
  smsReservedKeyword(word: string): string;
  smsSegments(segments: number, units: number, encoding: string, maxSegments: number): string;
  /** `swaps` is already written out: "“ → \", ’ → '". */
  smsLookalike(swaps: string): string;
  smsNoButtons: string;
  messengerQuickReplies(max: number, dropped: number): string;
  messengerButtons(max: number, dropped: number): string;
  messengerTitle(title: string, max: number, shown: string): string;
  messengerWindowPromotional(hours: number): string;
  messengerWindow(hours: number): string;
}

const TEXTS: { [language in Language]: ProblemTexts } = {
  en: PROBLEM_TEXTS_EN,
  es: PROBLEM_TEXTS_ES,
};

/**
 * The problem sentences in `language` (English when absent).
 * @example problemTexts('es').unknownStep('wellcome') // 'No hay ningún paso llamado "wellcome".'
 */
export function problemTexts(language: Language | undefined): ProblemTexts {
  return TEXTS[language ?? 'en'];
}
