/**
 * Types shared by the bot engine, parser, linter and script runner.
 *
 * Everything here is plain JSON-compatible data: the server parses and validates a bot's
 * YAML once and hands the browser the resulting `Bot` object as JSON, and a conversation's
 * `ConversationState` can be stored in a database or `localStorage` and resumed later.
 * The YAML format instructors write is documented at the top of `schema.ts`.
 */

export type Channel = 'sms' | 'messenger';
export type Severity = 'error' | 'warning';
export type ExpectType = 'text' | 'number' | 'yes-no' | 'choice' | 'email' | 'phone' | 'zip';
/** Languages a bot or exercise can speak: its built-in texts and check explanations follow it. */
export type Language = 'en' | 'es';

/** What a `save`d answer or a `lookup` row becomes in `state.vars`. */
export type VarValue = string | number | { [field: string]: string };

export interface Expect {
  type: ExpectType;
  /** choice only: the accepted answers, also offered as quick replies on Messenger. */
  options?: string[];
  /** number only. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** text only. */
  maxLength?: number;
}

/** A Messenger button: opens `url`, or jumps to step `goto` when tapped. */
export interface Button {
  title: string;
  url?: string;
  goto?: string;
}

/** One test in a branch; a value written as "{{var}}" is interpolated before comparing. */
export interface Condition {
  var?: string;
  tagged?: string;
  equals?: string;
  in?: string[];
  exists?: boolean;
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
}

/** Go to `goto` when every condition in `if` holds. */
export interface Branch {
  if: Condition[];
  goto: string;
}

export interface Lookup {
  table: string;
  /** Template for the key, e.g. "{{zip}}". */
  key: string;
  /** Variable that receives the matching row. */
  save: string;
  /** Step to go to when no row matches. */
  missing?: string;
}

export interface Step {
  say?: string[];
  ask?: string;
  save?: string;
  expect?: Expect;
  invalid?: string;
  quickReplies?: string[];
  buttons?: Button[];
  tag?: string[];
  untag?: string[];
  lookup?: Lookup;
  branch?: Branch[];
  goto?: string;
  end?: boolean;
  promotional?: boolean;
  delayHours?: number;
}

export interface Keyword {
  match: string[];
  goto: string;
}

export type LookupRow = string | { [field: string]: string };

export interface Bot {
  id: string;
  name: string;
  channel: Channel;
  /** Language of the built-in texts (re-asks, opt-out confirmation...); English when absent. */
  language?: Language;
  description?: string;
  help?: string;
  optOutConfirmation?: string;
  optInConfirmation?: string;
  start: string;
  fallback?: string;
  maxSegments?: number;
  keywords: Keyword[];
  lookups: { [table: string]: { [key: string]: LookupRow } };
  steps: { [id: string]: Step };
}

/** Where a YAML path ("steps.ask-zip.goto", "keywords.0.match.1") starts in the source, 1-based. */
export type { Position } from '../yaml/positions.ts';
import type { Position } from '../yaml/positions.ts';
export type SourceMap = { [path: string]: Position };

export interface Problem extends Position {
  message: string;
  severity: Severity;
  /** Stable rule id, e.g. "unknown-step", "yaml", "schema". */
  rule: string;
  /** YAML path the problem is about, when known. */
  path?: string;
}

export interface SmsInfo {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the network counts them (GSM-7 septets or UTF-16 code units). */
  units: number;
  segments: number;
  /** Characters that forced UCS-2 (empty for GSM-7). */
  ucs2Chars: string[];
}

export interface Reply {
  text: string;
  quickReplies?: string[];
  buttons?: Button[];
  /** Step that produced the reply; null for channel replies (HELP, STOP confirmation...). */
  stepId: string | null;
  /** YAML path of the text ("steps.ask-zip.ask", "help") or "builtin:<name>" for defaults. */
  source: string;
  sms?: SmsInfo;
  /** Set when a step's `delayHours` postpones the message: epoch ms to send it at. */
  sendAt?: number;
  /** Messenger: the message goes out more than 24 h after the person's last message. */
  outsideWindow?: true;
  promotional?: true;
}

export interface ConversationState {
  v: 1;
  channel: Channel;
  started: boolean;
  /** Step waiting for an answer, or null when idle. */
  waiting: string | null;
  /** Invalid answers in a row to the waiting step. */
  attempts: number;
  ended: boolean;
  optedOut: boolean;
  /** The bot just asked whether an unclear message ("fin", "enough") meant stop: a yes opts out. */
  confirmingOptOut?: boolean;
  vars: { [name: string]: VarValue };
  tags: string[];
  /** Epoch ms; drives the Messenger 24-hour window. */
  lastUserMessageAt: number | null;
  turns: number;
}

export interface TurnResult {
  state: ConversationState;
  replies: Reply[];
  /** Engine diagnostics for authors (missing step, loop); never sent to the person. */
  notes: string[];
}

/**
 * One scripted check. Patterns are case-insensitive substrings, or "/regex/flags".
 * `expect`/`expectNot` look at every reply to the last message in `says` (or the opening
 * messages when `says` is empty); `expectLast` at the very last reply.
 */
export interface Check {
  name: string;
  says: string[];
  expect?: string[];
  expectLast?: string;
  expectNot?: string[];
  /** Messages sent afterwards that must get no reply at all. */
  thenSilentOn?: string[];
  /** Tags the person must have at the end. */
  tags?: string[];
  /** Variables that must hold these values at the end. */
  vars?: { [name: string]: string };
}

/** A playground exercise: checks run against the learner's edited copy of `starter`. */
export interface Exercise {
  id: string;
  name: string;
  /** Id of the bot (kind: bot) the learner starts from. */
  starter: string;
  /** Language of the check explanations; English when absent. */
  language?: Language;
  instructions?: string;
  checks: Check[];
}

export interface CheckResult {
  name: string;
  passed: boolean;
  /** Why, in plain words, quoting what the bot said. */
  reason: string;
  transcript: { from: 'person' | 'bot'; text: string }[];
}

export interface ScriptResult {
  passed: boolean;
  checks: CheckResult[];
}
