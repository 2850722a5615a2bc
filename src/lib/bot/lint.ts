/**
 * The bot linter: mistakes that parse fine but break a conversation, plus (compliance.ts)
 * channel rules. Each problem carries the line and column of the YAML it is about.
 *
 * | rule               | severity | what                                                        |
 * |--------------------|----------|-------------------------------------------------------------|
 * | unknown-step       | error    | start/fallback/goto/branch/button/missing names no step      |
 * | unknown-lookup     | error    | lookup.table names no table under lookups                    |
 * | unreachable        | warning  | no path from start, fallback or a keyword reaches the step   |
 * | dead-end           | warning  | no ask, goto, branch, jump button or end, and its text names no keyword |
 * | branch-no-default  | warning  | branches but no goto/end for when none matches               |
 * | unsaved-variable   | error    | {{var}} / branch var is never saved anywhere                 |
 * | maybe-unsaved      | warning  | … saved somewhere, but not on every path to this use         |
 * | duplicate-keyword  | error    | the same word in two keywords                                |
 * | goto-loop          | error    | steps that jump in a circle without asking anything          |
 *
 * The sentences live in problem-texts-*.ts, one module per language; the rule ids never change.
 */
import { own } from './record.ts';
import { complianceProblems } from './compliance.ts';
import { normalize } from './fuzzy.ts';
import { edgesOf, entriesOf, reachable, waits } from './graph.ts';
import { ProblemList, sortProblems } from './problems.ts';
import { placeholders } from './template.ts';
import type { Bot, Language, Problem, SourceMap, Step } from './types.ts';

export interface LintOptions {
  /** Most SMS segments a message may take (default: the bot's maxSegments, else 3). */
  maxSegments?: number;
  /** Language of the problems (default: the bot's `language:`, else English). */
  language?: Language;
}

/**
 * Check a parsed bot. Pass the `sourceMap` from `parseBot` to get line numbers (else 0:0).
 * @example
 * const { bot, sourceMap } = parseBot(text);
 * for (const p of lintBot(bot!, sourceMap)) console.log(`${p.line}:${p.column} ${p.message}`);
 */
export function lintBot(bot: Bot, sourceMap?: SourceMap, options: LintOptions = {}): Problem[] {
  const problems = new ProblemList(sourceMap, options.language ?? bot.language);
  const { texts } = problems;
  const steps = Object.entries(bot.steps);
  const exists = (id: string) => Object.hasOwn(bot.steps, id);
  for (const e of entriesOf(bot))
    if (!exists(e.to)) problems.add(e.path, texts.unknownStep(e.to), 'error', 'unknown-step');
  const live = reachable(bot);
  for (const [id, step] of steps) {
    const at = `steps.${id}`;
    for (const e of edgesOf(id, step))
      if (!exists(e.to)) problems.add(e.path, texts.unknownStep(e.to), 'error', 'unknown-step');
    if (step.lookup && !Object.hasOwn(bot.lookups, step.lookup.table)) {
      problems.add(
        `${at}.lookup.table`,
        texts.unknownLookup(step.lookup.table),
        'error',
        'unknown-lookup',
      );
    }
    if (!live.has(id)) problems.add(at, texts.unreachable(id), 'warning', 'unreachable');
    if (!waits(step) && step.goto === undefined && !step.end) {
      if (step.branch) problems.add(at, texts.branchNoDefault(id), 'warning', 'branch-no-default');
      else if (!namesKeyword(bot, step)) problems.add(at, texts.deadEnd(id), 'warning', 'dead-end');
    }
  }
  lintKeywords(bot, problems);
  lintVariables(bot, problems);
  lintLoops(bot, problems);
  complianceProblems(bot, problems, options.maxSegments ?? bot.maxSegments ?? 3);
  return sortProblems(problems.items);
}

/** A step that tells the person a keyword ("Text RIDE to start over") leaves them a way out. */
function namesKeyword(bot: Bot, step: Step): boolean {
  const words = new Set(normalize([...(step.say ?? []), step.ask ?? ''].join(' ')).split(' '));
  return bot.keywords.some((k) => k.match.some((m) => words.has(normalize(m))));
}

function lintKeywords(bot: Bot, problems: ProblemList): void {
  const seen = new Map<string, number>();
  bot.keywords.forEach((k, i) =>
    k.match.forEach((word, j) => {
      const key = normalize(word);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        problems.add(
          `keywords.${i}.match.${j}`,
          problems.texts.duplicateKeyword(word, first === i ? 'same' : first + 1),
          'error',
          'duplicate-keyword',
        );
    }),
  );
}

/** Variables each step can rely on when it starts: saved on every path from every entry. */
function definitelySaved(bot: Bot): Map<string, Set<string>> {
  const known = new Map<string, Set<string>>();
  const queue: string[] = [];
  const meet = (id: string, vars: Set<string>) => {
    const before = known.get(id);
    const after = before ? new Set([...before].filter((v) => vars.has(v))) : vars;
    if (!before || after.size < before.size) [known.set(id, after), queue.push(id)];
  };
  for (const e of entriesOf(bot)) if (own(bot.steps, e.to)) meet(e.to, new Set());
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const step = bot.steps[id]!;
    const start = known.get(id)!;
    for (const e of edgesOf(id, step))
      if (own(bot.steps, e.to)) meet(e.to, new Set([...start, ...e.saves]));
  }
  return known;
}

function lintVariables(bot: Bot, problems: ProblemList): void {
  const everSaved = new Set(
    Object.values(bot.steps).flatMap((s) =>
      [s.save, s.lookup?.save].filter((v) => v !== undefined),
    ),
  );
  const saved = definitelySaved(bot);
  const check = (
    path: string,
    name: string,
    available: Set<string> | undefined,
    hasDefault: boolean,
  ) => {
    if (!everSaved.has(name))
      problems.add(path, problems.texts.unsavedVariable(name), 'error', 'unsaved-variable');
    else if (available && !available.has(name) && !hasDefault) {
      problems.add(path, problems.texts.maybeUnsaved(name), 'warning', 'maybe-unsaved');
    }
  };
  const scan = (path: string, text: string | undefined, available?: Set<string>) => {
    for (const p of placeholders(text ?? '')) check(path, p.name, available, p.hasDefault);
  };
  for (const field of ['help', 'optOutConfirmation', 'optInConfirmation'] as const)
    scan(field, bot[field]);
  for (const [id, step] of Object.entries(bot.steps)) {
    const at = `steps.${id}`;
    const start = saved.get(id);
    const looked = start && new Set([...start, ...(step.lookup ? [step.lookup.save] : [])]);
    const answered = looked && new Set([...looked, ...(step.save ? [step.save] : [])]);
    scan(`${at}.lookup.key`, step.lookup?.key, start);
    step.say?.forEach((t, i) => scan(`${at}.say.${i}`, t, looked));
    scan(`${at}.ask`, step.ask, looked);
    scan(`${at}.invalid`, step.invalid, looked);
    step.quickReplies?.forEach((t, i) => scan(`${at}.quickReplies.${i}`, t, looked));
    for (const field of ['tag', 'untag'] as const)
      step[field]?.forEach((t, i) => scan(`${at}.${field}.${i}`, t, looked));
    step.branch?.forEach((b, i) =>
      b.if.forEach((c, j) => {
        const path = b.if.length > 1 ? `${at}.branch.${i}.if.${j}` : `${at}.branch.${i}.if`;
        // Testing a variable that may be unset is fine (the test is just false), so only typos count here.
        if (c.var !== undefined) check(`${path}.var`, c.var.split('.')[0]!, answered, true);
        for (const v of [c.equals, c.gt, c.gte, c.lt, c.lte, ...(c.in ?? [])])
          scan(path, v, answered);
      }),
    );
  }
}

/**
 * Steps that jump in a circle with no question in between would spin until the engine's hop
 * limit, sending the same texts again and again: always a mistake, and the cheapest way to make
 * a learner's flow expensive, so it is an error.
 */
function lintLoops(bot: Bot, problems: ProblemList): void {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    const step = own(bot.steps, id);
    if (!step || waits(step) || state.get(id) === 'done') return;
    if (state.get(id) === 'open')
      return problems.add(`steps.${id}`, problems.texts.gotoLoop(id), 'error', 'goto-loop');
    state.set(id, 'open');
    for (const e of edgesOf(id, step)) visit(e.to);
    state.set(id, 'done');
  };
  for (const id of Object.keys(bot.steps)) visit(id);
}
