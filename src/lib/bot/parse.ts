/**
 * YAML text → raw data plus a source map (path → line/column), then validation.
 *
 * This is the only module that needs the `yaml` package; the runtime path (engine.ts) works
 * on the parsed `Bot` JSON the server sends, so the chat widget never loads a YAML parser.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { positionIndex } from '../yaml/positions.ts';
import { sortProblems } from './problems.ts';
import { setOwn } from './record.ts';
import { validateBot } from './schema.ts';
import type { Bot, Problem, SourceMap } from './types.ts';

export interface ParsedYaml {
  data: unknown;
  sourceMap: SourceMap;
  problems: Problem[];
}

const MAX_ALIASES = 100;

/**
 * Parse YAML (failsafe schema: every scalar is a string, so ZIP "07030" keeps its zero) and
 * record where every map key and list item starts. `data` is undefined on syntax errors.
 * @example readYaml("a:\n  b: 1").sourceMap["a.b"] // { line: 2, column: 3 }
 */
export function readYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'failsafe', prettyErrors: false });
  let sourceMap: SourceMap = {};
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const at = lineCounter.linePos(e.pos[0]);
    let message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // The classic instructor slip: unquoted text containing ": ".
    if (/nested mappings|implicit keys/i.test(message)) message += ' (if this is text with a colon in it, put it in "quotes")';
    return { line: at.line, column: at.col, message, severity: e.name === 'YAMLWarning' ? 'warning' : 'error', rule: 'yaml' };
  });
  if (doc.errors.length) return { data: undefined, sourceMap, problems };
  sourceMap = Object.fromEntries([...positionIndex(doc.contents as Node, lineCounter)].map(([path, { entry }]) => [path, entry]));
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
    if (isSeq(node)) return node.items.map((item, i) => walk(item as Node, `${path ? `${path}.` : ''}${i}`));
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
    return { data: walk(doc.contents as Node, ''), sourceMap, problems };
  } catch {
    return { data: undefined, sourceMap, problems: [...problems, { line: 1, column: 1, message: `More than ${MAX_ALIASES} YAML aliases.`, severity: 'error', rule: 'yaml' }] };
  }
}

/**
 * Parse and validate a bot's YAML. `problems` holds YAML syntax and format errors (run
 * `lintBot(bot, sourceMap)` for the deeper checks); `bot` is null when any is an error.
 * @example
 * const { bot, problems, sourceMap } = parseBot(yamlText);
 * if (bot) lintBot(bot, sourceMap);
 */
export function parseBot(yamlText: string): { bot: Bot | null; problems: Problem[]; sourceMap: SourceMap } {
  const { data, sourceMap, problems } = readYaml(yamlText);
  if (data === undefined) return { bot: null, problems: problems.length ? problems : [emptyProblem()], sourceMap };
  const result = validateBot(data, sourceMap);
  return { bot: result.bot, problems: sortProblems([...problems, ...result.problems]), sourceMap };
}

/**
 * The problem reported for a file with no YAML content.
 * @example parseBot("").problems // [emptyProblem()]
 */
export function emptyProblem(): Problem {
  return { line: 1, column: 1, message: 'The file is empty.', severity: 'error', rule: 'yaml' };
}
