import { LineCounter, parseDocument, type Node } from 'yaml';
import { positionIndex, type Position } from '~/lib/yaml/positions';

export type { Position };

export interface ParsedSource {
  data: unknown;
  /** Where the value at `path` (e.g. ['modules', 2, 'id']) starts, or the nearest parent that exists. */
  locate(path: readonly PropertyKey[]): Position;
  syntaxErrors: { message: string; position: Position }[];
}

/**
 * Parses YAML keeping positions. `lineOffset` shifts lines for frontmatter (the `---` line).
 * @example parseYamlSource('title: Hi\nlevel: pro\n').locate(['level']) // { line: 2, column: 8 }
 */
export function parseYamlSource(text: string, lineOffset = 0): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const index = positionIndex(doc.contents as Node, lineCounter, lineOffset);
  // The deepest part of the path that exists.
  const locate = (path: readonly PropertyKey[]): Position => {
    let best: Position = { line: 1 + lineOffset, column: 1 };
    for (let i = 1; i <= path.length; i++) {
      const found = index.get(path.slice(0, i).map(String).join('.'));
      if (!found) break;
      best = found.value;
    }
    return best;
  };
  return {
    data: doc.errors.length ? undefined : doc.toJS(),
    locate,
    syntaxErrors: doc.errors.map((error) => ({ message: error.message.split('\n')[0] ?? error.message, position: at(error.pos[0]) })),
  };
}

export interface FrontmatterSource extends ParsedSource {
  body: string;
  /** 1-based line where the body starts, for positions inside the MDX. */
  bodyLine: number;
}

/** Splits `---\n…\n---` frontmatter from a Markdown/MDX file and parses it with positions. */
export function parseFrontmatterSource(text: string): FrontmatterSource | { error: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { error: 'must start with frontmatter between two --- lines' };
  const yamlText = match[1] ?? '';
  const parsed = parseYamlSource(yamlText, 1);
  const bodyLine = yamlText.split('\n').length + 3;
  return { ...parsed, body: text.slice(match[0].length), bodyLine };
}
