import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A place in an authored file, 1-based, as editors and `file:line:column` links expect. */
export interface Position {
  line: number;
  column: number;
}

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
  const locate = (path: readonly PropertyKey[]): Position => {
    let node: unknown = doc.contents;
    let best: Position = { line: 1 + lineOffset, column: 1 };
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) best = at(pair.key.range[0]);
        node = pair.value;
        const range = (node as Node | null)?.range;
        if (range && !isMap(node) && !isSeq(node)) best = at(range[0]);
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        const range = (node as Node | null)?.range;
        if (!range) break;
        best = at(range[0]);
      } else break;
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
