/**
 * YAML text → raw data plus a source map (path → line/column), then validation.
 *
 * This is the only module that needs the `yaml` package; the runtime path (engine.ts) works
 * on the parsed `Bot` JSON the server sends, so the chat widget never loads a YAML parser.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { positionIndex } from '../yaml/positions.ts';
import { isLanguage } from './builtin-texts.ts';
import { problemTexts } from './problem-texts.ts';
import { sortProblems } from './problems.ts';
import { setOwn } from './record.ts';
import { validateBot } from './schema.ts';
import type { Bot, Language, Problem, SourceMap } from './types.ts';

export interface ParsedYaml {
  data: unknown;
  sourceMap: SourceMap;
  problems: Problem[];
  /** The language the problems are written in: the one asked for, else the file's `language:`. */
  language: Language | undefined;
}

const MAX_ALIASES = 100;

/**
 * The `language:` a bot or exercise file declares, read before validating it so that its own
 * problems can be written in that language; undefined when absent or not one we speak.
 * @example declaredLanguage({ language: " es " }) // "es"
 */
function declaredLanguage(raw: unknown): Language | undefined {
  const value =
    typeof raw === 'object' && raw !== null && 'language' in raw ? raw.language : undefined;
  const language = typeof value === 'string' ? value.trim() : undefined;
  return isLanguage(language) ? language : undefined;
}

/**
 * Parse YAML (failsafe schema: every scalar is a string, so ZIP "07030" keeps its zero) and
 * record where every map key and list item starts. `data` is undefined on syntax errors.
 * Syntax problems are written in `language`, else in the `language:` the file declares (still
 * readable when a later line is broken), else English.
 * @example readYaml("a:\n  b: 1").sourceMap["a.b"] // { line: 2, column: 3 }
 */
export function readYaml(text: string, language?: Language): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'failsafe', prettyErrors: false });
  const lang =
    language ??
    (isMap(doc.contents)
      ? declaredLanguage({ language: doc.contents.get('language') })
      : undefined);
  const texts = problemTexts(lang);
  let sourceMap: SourceMap = {};
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const at = lineCounter.linePos(e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // The classic slip of someone new to YAML: unquoted text containing ": ".
    const colonInText = /nested mappings|implicit keys/i.test(message);
    return {
      line: at.line,
      column: at.col,
      message: texts.yamlSyntax({ code: e.code, message, colonInText }),
      severity: e.name === 'YAMLWarning' ? 'warning' : 'error',
      rule: 'yaml',
    };
  });
  if (doc.errors.length) return { data: undefined, sourceMap, problems, language: lang };
  sourceMap = Object.fromEntries(
    [...positionIndex(doc.contents as Node, lineCounter)].map(([path, { entry }]) => [path, entry]),
  );
  let aliases = 0;
  const walk = (node: Node | null | undefined, path: string): unknown => {
    if (!node) return undefined;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) throw new RangeError('Too many aliases');
      return walk(node.resolve(doc as Document) as Node | undefined, path);
    }
    if (isScalar(node)) {
      const value = node.value == null ? '' : String(node.value);
      // Under failsafe, an empty value or ~ / null is still a string; treat it as "not set".
      return node.type === 'PLAIN' && ['', '~', 'null'].includes(value) ? undefined : value;
    }
    if (isSeq(node))
      return node.items.map((item, i) => walk(item as Node, `${path ? `${path}.` : ''}${i}`));
    if (isMap(node)) {
      const out: { [key: string]: unknown } = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value ?? '') : String(pair.key);
        setOwn(out, key, walk(pair.value as Node, `${path ? `${path}.` : ''}${key}`));
      }
      return out;
    }
    return undefined;
  };
  try {
    return { data: walk(doc.contents as Node, ''), sourceMap, problems, language: lang };
  } catch {
    const tooMany: Problem = {
      line: 1,
      column: 1,
      message: texts.tooManyAliases(MAX_ALIASES),
      severity: 'error',
      rule: 'yaml',
    };
    return { data: undefined, sourceMap, problems: [...problems, tooMany], language: lang };
  }
}

/**
 * Parse and validate a bot's YAML. `problems` holds YAML syntax and format errors (run
 * `lintBot(bot, sourceMap)` for the deeper checks); `bot` is null when any is an error.
 * They are written in `language`, else the bot's own `language:`, else English.
 * @example
 * const { bot, problems, sourceMap } = parseBot(yamlText, 'es');
 * if (bot) lintBot(bot, sourceMap, { language: 'es' });
 */
export function parseBot(
  yamlText: string,
  language?: Language,
): { bot: Bot | null; problems: Problem[]; sourceMap: SourceMap } {
  const { data, sourceMap, problems, language: lang } = readYaml(yamlText, language);
  if (data === undefined)
    return { bot: null, problems: problems.length ? problems : [emptyProblem(lang)], sourceMap };
  const result = validateBot(data, sourceMap, lang);
  return { bot: result.bot, problems: sortProblems([...problems, ...result.problems]), sourceMap };
}

/**
 * The problem reported for a file with no YAML content.
 * @example parseBot("").problems // [emptyProblem()]
 */
export function emptyProblem(language?: Language): Problem {
  return {
    line: 1,
    column: 1,
    message: problemTexts(language).emptyFile,
    severity: 'error',
    rule: 'yaml',
  };
}
