/**
 * Playground exercises: a YAML file in content/bots/ with `kind: exercise`.
 *
 * ```yaml
 * kind: exercise
 * id: rides-exercise
 * name: Finish the rides bot
 * starter: rides-starter          # the bot (kind: bot) the learner edits
 * language: en                    # optional: en | es, the language of the check explanations
 * instructions: RIDE should ask for a ZIP code, then confirm.
 * checks:
 *   - name: RIDE asks for a ZIP code
 *     says: [RIDE]                # messages the person sends, in order
 *     expect: ZIP                 # every reply to the last message, joined: substring (any case)…
 *   - name: STOP is honoured
 *     says: [RIDE, STOP]
 *     expectLast: /stopped|unsubscribed|opted out/i   # …or /regex/flags; the very last reply
 *     thenSilentOn: hello         # later messages that must get no reply
 *   - name: A valid ZIP gets a confirmation
 *     says: [RIDE, "94110"]
 *     expectNot: "ZIP code"       # must not appear in the replies to the last message
 *     tags: [rider]               # tags the person must end up with
 *     vars: { zip: "94110" }      # saved variables
 * ```
 */
import { readLanguage } from './builtin-texts.ts';
import { parseRegex } from './pattern.ts';
import { emptyProblem, readYaml } from './parse.ts';
import { ProblemList, sortProblems } from './problems.ts';
import { Reader } from './reader.ts';
import { BOT_ID } from './schema.ts';
import type { Check, Exercise, Language, Problem, SourceMap } from './types.ts';

const TOP = 'kind id name starter language instructions description checks';
const CHECK = 'name says expect expectLast expectNot thenSilentOn tags vars';

/**
 * Validate raw YAML data into an `Exercise` (null when there are errors). Problems are written in
 * `language`, else the exercise's own `language:`, else English.
 * @example validateExercise({ kind: "exercise", id: "x", name: "X", starter: "s", checks: [] }, {}).problems // [{ message: "An exercise needs at least one check.", … }]
 */
export function validateExercise(
  raw: unknown,
  map: SourceMap,
  language?: Language,
): { exercise: Exercise | null; problems: Problem[] } {
  const problems = new ProblemList(map, language);
  const { texts } = problems;
  const r = new Reader(problems);
  const top = r.obj(raw ?? {}, '', TOP) ?? {};
  if (top.kind !== 'exercise') problems.add('kind', texts.notAnExercise);
  const pattern = (value: string | undefined, path: string) => {
    if (value !== undefined && parseRegex(value) === null && /^\/.*\/[a-z]*$/s.test(value))
      problems.add(path, texts.badRegex(value));
    return value;
  };
  const patterns = (value: unknown, path: string) =>
    r.list(value, path)?.map((p, i) => pattern(p, `${path}.${i}`) ?? '');
  const checks = r.seq(top.checks, 'checks').map((value, i): Check => {
    const at = `checks.${i}`;
    const c = r.obj(value, at, CHECK) ?? {};
    const vars = r.obj(c.vars, `${at}.vars`);
    const check: Check = {
      name: r.str(c.name, `${at}.name`, true) ?? `Check ${i + 1}`,
      says: r.list(c.says, `${at}.says`) ?? [],
      expect: patterns(c.expect, `${at}.expect`),
      expectLast: pattern(r.str(c.expectLast, `${at}.expectLast`), `${at}.expectLast`),
      expectNot: patterns(c.expectNot, `${at}.expectNot`),
      thenSilentOn: r.list(c.thenSilentOn, `${at}.thenSilentOn`),
      tags: r.list(c.tags, `${at}.tags`),
      vars:
        vars &&
        Object.fromEntries(
          Object.entries(vars).map(([k, v]) => [k, r.str(v, `${at}.vars.${k}`) ?? '']),
        ),
    };
    if (
      !check.expect &&
      !check.expectLast &&
      !check.expectNot &&
      !check.thenSilentOn &&
      !check.tags &&
      !check.vars
    ) {
      problems.add(at, texts.checkWithoutExpectation);
    }
    for (const key of Object.keys(check) as (keyof Check)[])
      if (check[key] === undefined) delete check[key];
    return check;
  });
  if (!checks.length) problems.add('checks', texts.noChecks);
  const exercise: Exercise = {
    id: r.id(top.id, 'id', BOT_ID, 'exerciseId', true) ?? '',
    name: r.str(top.name, 'name', true) ?? '',
    starter: r.id(top.starter, 'starter', BOT_ID, 'botId', true) ?? '',
    checks,
  };
  const declared = readLanguage(r, top.language);
  if (declared !== undefined) exercise.language = declared;
  const instructions = r.str(top.instructions, 'instructions');
  if (instructions !== undefined) exercise.instructions = instructions;
  return { exercise: problems.hasErrors ? null : exercise, problems: problems.items };
}

/**
 * Parse and validate an exercise's YAML; problems in `language`, else the exercise's, else English.
 * @example const { exercise, problems } = parseExercise(yamlText);
 */
export function parseExercise(
  yamlText: string,
  language?: Language,
): { exercise: Exercise | null; problems: Problem[]; sourceMap: SourceMap } {
  const { data, sourceMap, problems, language: lang } = readYaml(yamlText, language);
  if (data === undefined)
    return {
      exercise: null,
      problems: problems.length ? problems : [emptyProblem(lang)],
      sourceMap,
    };
  const result = validateExercise(data, sourceMap, lang);
  return {
    exercise: result.exercise,
    problems: sortProblems([...problems, ...result.problems]),
    sourceMap,
  };
}
