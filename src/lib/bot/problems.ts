/**
 * Problems (errors and warnings) anchored to a line and column of the bot's YAML.
 *
 * Paths name a spot in the YAML the way you would read it aloud: "steps.ask-zip.goto",
 * "keywords.0.match.1". A path the source map doesn't know (for example "steps.x.say.0" when
 * `say` was written as a single string) falls back to its nearest known parent.
 */
import { problemTexts, type ProblemTexts } from './problem-texts.ts';
import type { Language, Position, Problem, Severity, SourceMap } from './types.ts';

/**
 * Position of `path` in the YAML source, or 0:0 when there is no source map.
 * @example positionOf({ "steps.a": { line: 4, column: 3 } }, "steps.a.say.0") // { line: 4, column: 3 }
 */
export function positionOf(map: SourceMap | undefined, path: string): Position {
  for (let p = path; map; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
    const hit = map[p];
    if (hit) return hit;
    if (!p) break;
  }
  return { line: 0, column: 0 };
}

/**
 * Collects problems for one source map, written in `language` (English when absent) with the
 * sentences in `texts`.
 * @example const list = new ProblemList(map, 'es'); list.add("start", list.texts.unknownStep("inicio"), "error", "unknown-step");
 */
export class ProblemList {
  readonly items: Problem[] = [];
  readonly texts: ProblemTexts;
  readonly #map: SourceMap | undefined;
  constructor(map?: SourceMap, language?: Language) {
    this.#map = map;
    this.texts = problemTexts(language);
  }

  add(path: string, message: string, severity: Severity = 'error', rule = 'schema'): void {
    this.items.push({ ...positionOf(this.#map, path), message, severity, rule, path });
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

/**
 * Sort by position (in place) so editors and tests see problems top to bottom.
 * @example sortProblems(lintBot(bot, sourceMap))[0]?.line // the first line with a problem
 */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
