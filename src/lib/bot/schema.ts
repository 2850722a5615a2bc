/**
 * The bot YAML format, and its validation into a `Bot`.
 *
 * ```yaml
 * id: rides-to-polls            # lowercase-with-dashes, same as the file name
 * name: Rides to the Polls
 * channel: sms                  # sms | messenger
 * language: en                  # optional: en | es, the language of the built-in texts (below) and of problems in the playground
 * description: Free rides on Election Day.
 * help: "Rides to the Polls: text RIDE for a free ride. Reply STOP to opt out."  # SMS: required
 * optOutConfirmation: "..."     # optional, SMS only (a sensible default is sent otherwise)
 * optInConfirmation: "..."      # optional, SMS only, sent on START after an opt-out
 * start: welcome                # first step (SMS: sent by startConversation; Messenger: on first message)
 * fallback: menu                # optional: step for messages that answer nothing (default: help text)
 * maxSegments: 3                # optional: lint limit for SMS segments per message
 * keywords:                     # global: work from anywhere, matched with typo tolerance
 *   - match: [RIDE, RIDES]
 *     goto: ask-zip
 * lookups:                      # tables: exact keys, or "941*" to match a prefix
 *   clinics:
 *     "94110": { name: Mission Clinic, address: 1 Main St, hours: Mon-Fri 9-5 }
 * steps:
 *   ask-zip:
 *     say: "Let's find you a ride."      # a string or a list (one message each)
 *     ask: What's your ZIP code?          # a question: the step waits for the answer
 *     save: zip                           # variable, used later as {{zip}}
 *     expect: zip                         # text | number | yes-no | choice | email | phone | zip
 *     invalid: That doesn't look like a ZIP. What's your 5-digit ZIP?   # re-ask text
 *     goto: find-clinic
 *   pick-time:
 *     ask: When? Reply 1 for morning, 2 for afternoon.
 *     expect: { type: choice, options: [Morning, Afternoon] }    # or number: {type: number, min: 1, max: 8, integer: true}
 *     quickReplies: [Morning, Afternoon]  # Messenger (defaults to the options); ignored on SMS
 *     buttons: [{ title: Map, url: "https://..." }, { title: Start over, goto: ask-zip }]
 *   find-clinic:
 *     lookup: { table: clinics, key: "{{zip}}", save: clinic, missing: no-clinic }
 *     say: "Nearest: {{clinic.name}}, {{clinic.address}} ({{clinic.hours}})"
 *     tag: [clinic-seeker]                # tags added ({{vars}} allowed); untag: removes
 *     branch:                             # first matching branch wins; else `goto`
 *       - if: { var: zip, in: ["94110", "94112"] }     # also equals, exists, gt/gte/lt/lte, tagged
 *         goto: mission
 *       - if: [{ var: riders, gte: 3 }, { var: wheelchair, equals: "yes" }]  # a list = all of them
 *         goto: van
 *     end: true                           # the conversation is over
 *   follow-up:
 *     delayHours: 26                      # send later; on Messenger flagged outside the 24 h window
 *     promotional: true                   # Messenger: never allowed outside the window
 * ```
 * Texts the engine adds when the author wrote none (the re-ask after an answer that does not
 * fit, the STOP, START and HELP replies) are in the bot's `language:` (builtin-texts.ts).
 * Within a step the order is: lookup (→ `missing` if no row), tag/untag, say, ask (then wait),
 * and after the answer: branch, goto, end. A step with no ask, goto, branch or end is a dead end.
 */
import { readLanguage } from './builtin-texts.ts';
import { ProblemList } from './problems.ts';
import { Reader } from './reader.ts';
import { setOwn } from './record.ts';
import type {
  Bot,
  Branch,
  Button,
  Condition,
  Expect,
  ExpectType,
  Keyword,
  Language,
  LookupRow,
  Problem,
  SourceMap,
  Step,
} from './types.ts';

const TOP =
  'id kind name channel language description help optOutConfirmation optInConfirmation start fallback maxSegments keywords lookups steps';
const STEP =
  'say ask save expect invalid quickReplies buttons tag untag lookup branch goto end promotional delayHours';
const TYPES = ['text', 'number', 'yes-no', 'choice', 'email', 'phone', 'zip'];
const CONDITION = 'var tagged equals in exists gt gte lt lte';
export const STEP_ID = /^[\w-]+$/;
// Names starting with __ are refused: they would clash with JavaScript internals like __proto__.
export const VAR_NAME = /^(?!__)[A-Za-z_]\w*$/;
export const BOT_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Validate raw YAML data (from parse.ts) into a `Bot`. `bot` is null when there are errors.
 * Problems are written in `language` (parse.ts passes the file's own `language:`), else English.
 * @example validateBot({ id: "x", name: "X", channel: "sms", start: "a", steps: { a: { say: "Hi", end: "true" } } }, {}).bot?.start // "a"
 */
export function validateBot(
  raw: unknown,
  map: SourceMap,
  language?: Language,
): { bot: Bot | null; problems: Problem[] } {
  const problems = new ProblemList(map, language);
  const { texts } = problems;
  const r = new Reader(problems);
  const top = r.obj(raw ?? {}, '', TOP) ?? {};
  if (top.kind !== undefined && top.kind !== 'bot')
    problems.add('kind', top.kind === 'exercise' ? texts.exerciseNotBot : texts.unknownKind);
  const channel = r.str(top.channel, 'channel', true);
  if (channel !== undefined && channel !== 'sms' && channel !== 'messenger')
    problems.add('channel', texts.unknownChannel);
  const steps: { [id: string]: Step } = {};
  const rawSteps = r.obj(top.steps, 'steps');
  if (!rawSteps || !Object.keys(rawSteps).length) problems.add('steps', texts.noSteps);
  for (const [id, value] of Object.entries(rawSteps ?? {})) {
    if (!STEP_ID.test(id)) problems.add(`steps.${id}`, texts.badName(id, 'stepId'));
    setOwn(steps, id, readStep(r, value ?? {}, `steps.${id}`));
  }
  const bot: Bot = {
    id: r.id(top.id, 'id', BOT_ID, 'botId', true) ?? '',
    name: r.str(top.name, 'name', true) ?? '',
    channel: channel === 'messenger' ? 'messenger' : 'sms',
    language: readLanguage(r, top.language),
    description: r.str(top.description, 'description'),
    help: r.str(top.help, 'help'),
    optOutConfirmation: r.str(top.optOutConfirmation, 'optOutConfirmation'),
    optInConfirmation: r.str(top.optInConfirmation, 'optInConfirmation'),
    start: r.id(top.start, 'start', STEP_ID, 'stepId', true) ?? '',
    fallback: r.id(top.fallback, 'fallback', STEP_ID, 'stepId'),
    maxSegments: r.num(top.maxSegments, 'maxSegments'),
    keywords: r.seq(top.keywords, 'keywords').map((k, i) => readKeyword(r, k, `keywords.${i}`)),
    lookups: readLookups(r, top.lookups),
    steps,
  };
  for (const key of Object.keys(bot) as (keyof Bot)[]) if (bot[key] === undefined) delete bot[key];
  return { bot: problems.hasErrors ? null : bot, problems: problems.items };
}

function readKeyword(r: Reader, value: unknown, path: string): Keyword {
  const k = r.obj(value, path, 'match goto') ?? {};
  const match = r.list(k.match, `${path}.match`) ?? [];
  if (!match.length) r.problems.add(path, r.problems.texts.keywordWithoutMatch);
  return { match, goto: r.id(k.goto, `${path}.goto`, STEP_ID, 'stepId', true) ?? '' };
}

function readLookups(r: Reader, value: unknown): Bot['lookups'] {
  const tables: Bot['lookups'] = {};
  for (const [name, rows] of Object.entries(r.obj(value, 'lookups') ?? {})) {
    if (!VAR_NAME.test(name))
      r.problems.add(`lookups.${name}`, r.problems.texts.badName(name, 'table'));
    const table: { [key: string]: LookupRow } = {};
    setOwn(tables, name, table);
    for (const [key, row] of Object.entries(r.obj(rows, `lookups.${name}`) ?? {})) {
      const path = `lookups.${name}.${key}`;
      if (typeof row === 'string') setOwn(table, key, row);
      else {
        const fields = r.obj(row, path) ?? {};
        setOwn(
          table,
          key,
          Object.fromEntries(
            Object.entries(fields).map(([f, v]) => [f, r.str(v, `${path}.${f}`) ?? '']),
          ),
        );
      }
    }
  }
  return tables;
}

function readStep(r: Reader, value: unknown, path: string): Step {
  const s = r.obj(value, path, STEP) ?? {};
  const ref = (v: unknown, p: string) => r.id(v, `${path}.${p}`, STEP_ID, 'stepId');
  const step: Step = {
    say: r.list(s.say, `${path}.say`),
    ask: r.str(s.ask, `${path}.ask`),
    save: r.id(s.save, `${path}.save`, VAR_NAME, 'variable'),
    expect: readExpect(r, s.expect, `${path}.expect`),
    invalid: r.str(s.invalid, `${path}.invalid`),
    quickReplies: r.list(s.quickReplies, `${path}.quickReplies`),
    buttons:
      s.buttons === undefined
        ? undefined
        : r
            .seq(s.buttons, `${path}.buttons`)
            .map((b, i) => readButton(r, b, `${path}.buttons.${i}`)),
    tag: r.list(s.tag, `${path}.tag`),
    untag: r.list(s.untag, `${path}.untag`),
    branch:
      s.branch === undefined
        ? undefined
        : r.seq(s.branch, `${path}.branch`).map((b, i) => readBranch(r, b, `${path}.branch.${i}`)),
    goto: ref(s.goto, 'goto'),
    end: r.bool(s.end, `${path}.end`),
    promotional: r.bool(s.promotional, `${path}.promotional`),
    delayHours: r.num(s.delayHours, `${path}.delayHours`),
  };
  const lookup = r.obj(s.lookup, `${path}.lookup`, 'table key save missing');
  if (lookup) {
    const at = `${path}.lookup`;
    step.lookup = {
      table: r.id(lookup.table, `${at}.table`, VAR_NAME, 'table', true) ?? '',
      key: r.str(lookup.key, `${at}.key`, true) ?? '',
      save: r.id(lookup.save, `${at}.save`, VAR_NAME, 'variable', true) ?? '',
    };
    const missing = ref(lookup.missing, 'lookup.missing');
    if (missing !== undefined) step.lookup.missing = missing;
  }
  if ((step.save || step.expect) && step.ask === undefined)
    r.problems.add(path, r.problems.texts.saveWithoutAsk(path));
  if ((step.buttons || step.quickReplies) && !step.say && !step.ask)
    r.problems.add(path, r.problems.texts.buttonsWithoutText(path));
  for (const key of Object.keys(step) as (keyof Step)[])
    if (step[key] === undefined) delete step[key];
  return step;
}

function readExpect(r: Reader, value: unknown, path: string): Expect | undefined {
  if (value === undefined) return undefined;
  const e =
    typeof value === 'string'
      ? { type: value }
      : (r.obj(value, path, 'type options min max integer maxLength') ?? {});
  const type = r.str(e.type, typeof value === 'string' ? path : `${path}.type`, true);
  if (type !== undefined && !TYPES.includes(type))
    r.problems.add(path, r.problems.texts.unknownAnswerType(type, TYPES));
  const expect: Expect = {
    type: (type ?? 'text') as ExpectType,
    options: r.list(e.options, `${path}.options`),
    min: r.num(e.min, `${path}.min`),
    max: r.num(e.max, `${path}.max`),
    integer: r.bool(e.integer, `${path}.integer`),
    maxLength: r.num(e.maxLength, `${path}.maxLength`),
  };
  if (type === 'choice' && !expect.options?.length)
    r.problems.add(path, r.problems.texts.choiceWithoutOptions);
  for (const key of Object.keys(expect) as (keyof Expect)[])
    if (expect[key] === undefined) delete expect[key];
  return expect;
}

function readButton(r: Reader, value: unknown, path: string): Button {
  const b = r.obj(value, path, 'title url goto') ?? {};
  const button: Button = { title: r.str(b.title, `${path}.title`, true) ?? '' };
  const url = r.str(b.url, `${path}.url`);
  const goto = r.id(b.goto, `${path}.goto`, STEP_ID, 'stepId');
  if ((url === undefined) === (goto === undefined))
    r.problems.add(path, r.problems.texts.buttonTarget);
  if (url !== undefined) button.url = url;
  if (goto !== undefined) button.goto = goto;
  return button;
}

function readBranch(r: Reader, value: unknown, path: string): Branch {
  const b = r.obj(value, path, 'if goto') ?? {};
  const conditions = Array.isArray(b.if) ? b.if : [b.if];
  if (b.if === undefined) r.problems.add(path, r.problems.texts.branchWithoutIf);
  return {
    if: conditions.map((c, i) =>
      readCondition(r, c, Array.isArray(b.if) ? `${path}.if.${i}` : `${path}.if`),
    ),
    goto: r.id(b.goto, `${path}.goto`, STEP_ID, 'stepId', true) ?? '',
  };
}

function readCondition(r: Reader, value: unknown, path: string): Condition {
  const c = r.obj(value ?? {}, path, CONDITION) ?? {};
  const condition: Condition = {
    var: r.str(c.var, `${path}.var`),
    tagged: r.str(c.tagged, `${path}.tagged`),
    equals: r.str(c.equals, `${path}.equals`),
    in: r.list(c.in, `${path}.in`),
    exists: r.bool(c.exists, `${path}.exists`),
    gt: r.str(c.gt, `${path}.gt`),
    gte: r.str(c.gte, `${path}.gte`),
    lt: r.str(c.lt, `${path}.lt`),
    lte: r.str(c.lte, `${path}.lte`),
  };
  if ((condition.var === undefined) === (condition.tagged === undefined))
    r.problems.add(path, r.problems.texts.conditionTarget);
  for (const key of Object.keys(condition) as (keyof Condition)[])
    if (condition[key] === undefined) delete condition[key];
  return condition;
}
