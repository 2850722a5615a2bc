import { isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** A place in an authored file, 1-based, as editors and `file:line:column` links expect. */
export interface Position {
  line: number;
  column: number;
}

/** Where one entry of a YAML document starts: its key (or list item) and its value. */
export interface EntryPosition {
  /** The key of a map entry, or the start of a list item. */
  entry: Position;
  /** Where to point at the value: the scalar after the colon, or the entry itself for a nested map or list. */
  value: Position;
}

/**
 * The one walk over a parsed YAML document that records where each entry starts, by dotted path
 * (`steps.intro.say.0`). Bots and content files both report their problems through it.
 * Aliases are not followed: an alias is placed where it is written. `lineOffset` shifts lines
 * (frontmatter starts after a `---` line).
 * @example positionIndex(parseDocument('a:\n  b: 1', { lineCounter }), lineCounter).get('a.b')?.value // { line: 2, column: 6 }
 */
export function positionIndex(
  root: Node | null | undefined,
  lineCounter: LineCounter,
  lineOffset = 0,
): Map<string, EntryPosition> {
  const index = new Map<string, EntryPosition>();
  const at = (node: unknown, fallback: Position): Position => {
    const start = (node as Node | null | undefined)?.range?.[0];
    if (start === undefined) return fallback;
    const { line, col } = lineCounter.linePos(start);
    return { line: line + lineOffset, column: col };
  };
  const walk = (node: unknown, path: string): void => {
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = `${path ? `${path}.` : ''}${i}`;
        const position = at(item, { line: 1 + lineOffset, column: 1 });
        if (!index.has(child)) index.set(child, { entry: position, value: position });
        walk(item, child);
      });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value ?? '') : String(pair.key);
        const child = `${path ? `${path}.` : ''}${key}`;
        const entry = at(pair.key, { line: 1 + lineOffset, column: 1 });
        const nested = isMap(pair.value) || isSeq(pair.value);
        if (!index.has(child))
          index.set(child, { entry, value: nested ? entry : at(pair.value, entry) });
        walk(pair.value, child);
      }
    }
  };
  walk(root, '');
  return index;
}
