/**
 * Typed reading of raw YAML data, shared by the bot and exercise schemas.
 *
 * parse.ts reads YAML with the failsafe schema, so every scalar arrives as a string: "07030"
 * keeps its leading zero and `equals: yes` stays "yes". This class turns those strings into
 * the numbers and booleans each field expects, and records a problem at the field's path when
 * it can't, in the list's language.
 */
import { distance } from './fuzzy.ts';
import type { NameKind } from './problem-texts.ts';
import type { ProblemList } from './problems.ts';

export type Obj = { [key: string]: unknown };

/**
 * Reads raw YAML values, recording problems.
 * @example new Reader(list).num("3", "maxSegments") // 3
 */
export class Reader {
  readonly problems: ProblemList;
  constructor(problems: ProblemList) {
    this.problems = problems;
  }

  /** A map; with `keys`, fields outside that space-separated list get a did-you-mean warning. */
  obj(value: unknown, path: string, keys?: string): Obj | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return void this.problems.add(path, this.problems.texts.notAMap(path));
    const known = keys?.split(' ') ?? [];
    for (const key of keys ? Object.keys(value) : []) {
      if (known.includes(key)) continue;
      const guess = known.find((k) => distance(k.toLowerCase(), key.toLowerCase(), 2) <= 2);
      this.problems.add(
        `${path ? `${path}.` : ''}${key}`,
        this.problems.texts.unknownField(key, guess),
        'warning',
      );
    }
    return value as Obj;
  }

  str(value: unknown, path: string, required = false): string | undefined {
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (value !== undefined && typeof value !== 'string')
      this.problems.add(path, this.problems.texts.notText(path));
    else if (required) this.problems.add(path, this.problems.texts.missing(path));
    return undefined;
  }

  list(value: unknown, path: string): string[] | undefined {
    if (typeof value === 'string') {
      const text = this.str(value, path);
      return text === undefined ? undefined : [text];
    }
    if (value === undefined) return undefined;
    if (!Array.isArray(value))
      return void this.problems.add(path, this.problems.texts.notTextOrList(path));
    return value.map((v, i) => this.str(v, `${path}.${i}`, true) ?? '');
  }

  num(value: unknown, path: string): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    this.problems.add(path, this.problems.texts.notNumber(path));
    return undefined;
  }

  bool(value: unknown, path: string): boolean | undefined {
    const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
    if (v === undefined || v === 'true' || v === 'yes' || v === 'false' || v === 'no')
      return v === undefined ? v : v === 'true' || v === 'yes';
    this.problems.add(path, this.problems.texts.notBoolean(path));
    return undefined;
  }

  /** A name that must match `pattern`; `kind` says which rule the problem explains. */
  id(
    value: unknown,
    path: string,
    pattern: RegExp,
    kind: NameKind,
    required = false,
  ): string | undefined {
    const v = this.str(value, path, required);
    if (v !== undefined && !pattern.test(v))
      this.problems.add(path, this.problems.texts.badName(v, kind));
    return v;
  }

  seq(value: unknown, path: string): unknown[] {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    this.problems.add(path, this.problems.texts.notList(path));
    return [];
  }
}
