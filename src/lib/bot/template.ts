/**
 * `{{variable}}` interpolation for bot messages.
 *
 * - `{{zip}}` inserts a saved answer; `{{clinic.address}}` a field of a lookup row.
 * - `{{name|friend}}` uses "friend" when `name` hasn't been saved (no quotes needed).
 * - An unknown variable without a default becomes "" (the linter warns about it beforehand).
 */
import { own } from './record.ts';
import type { VarValue } from './types.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)((?:\.[\w-]+)*)\s*(?:\|([^}]*))?\}\}/g;

/**
 * Look up "clinic.name"-style paths in the saved variables (own properties only).
 * @example readVar({ clinic: { name: "Mission" } }, "clinic.name") // "Mission"
 */
export function readVar(vars: { [name: string]: VarValue }, path: string): VarValue | undefined {
  const [name = '', field] = path.split('.', 2);
  const value = own(vars, name);
  if (field === undefined || value === undefined) return value;
  return typeof value === 'object' ? own(value, field) : undefined;
}

/**
 * Fill in `{{…}}` placeholders.
 * @example interpolate("Hi {{name|there}}, ZIP {{zip}}", { zip: "94110" }) // "Hi there, ZIP 94110"
 */
export function interpolate(
  text: string,
  vars: { [name: string]: VarValue },
  maxLength = Infinity,
): string {
  if (!text.includes('{{')) return cut(text, maxLength);
  // Built piece by piece so that a template repeating a long value stops at the cap instead of
  // building a huge string first.
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const [whole, name = '', fields = '', fallback] = m;
    const value = readVar(vars, name + fields);
    const piece =
      value === undefined || value === ''
        ? (fallback?.trim() ?? '')
        : typeof value === 'object'
          ? Object.values(value).join(', ')
          : String(value);
    out += text.slice(last, m.index) + piece;
    last = m.index + whole.length;
    if (out.length > maxLength) return cut(out, maxLength);
  }
  return cut(out + text.slice(last), maxLength);
}

/**
 * Text cut to `maxLength` characters, the last one an ellipsis when anything was dropped.
 * @example cut("abcdef", 4) // "abc…"
 */
export function cut(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(0, maxLength - 1))}…`;
}

export interface Placeholder {
  /** The variable name, without fields ("clinic" for {{clinic.name}}). */
  name: string;
  hasDefault: boolean;
}

/**
 * The variables a template uses.
 * @example placeholders("{{clinic.name}} {{x|y}}") // [{ name: "clinic", hasDefault: false }, { name: "x", hasDefault: true }]
 */
export function placeholders(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({
    name: m[1]!,
    hasDefault: m[3] !== undefined,
  }));
}
