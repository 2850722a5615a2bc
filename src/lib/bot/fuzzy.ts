/**
 * Forgiving text matching for keywords, choices, quick replies and yes/no answers.
 *
 * The rule (the same everywhere, so instructors can predict it):
 * 1. Normalise both sides: Unicode NFKD, drop accents ("sí" → "si"), lowercase, turn every
 *    run of punctuation/whitespace into one space and trim. "  Ride!! " → "ride".
 * 2. Equal after normalising → match.
 * 3. Otherwise allow a small typo, measured with Damerau-Levenshtein distance (optimal string
 *    alignment: insert, delete, substitute, swap two neighbours) and sized by the length of
 *    the word we expect: ≤ 3 letters must be exact, 4–7 letters allow 1 edit, 8+ allow 2.
 *    So "RIDEE" and "RDIE" match RIDE, "TOP" matches STOP, but "NO" never matches "ON".
 */

const COMBINING = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const ASCII_NON_WORD = /[^a-z0-9]+/g;
let lastText = '';
let lastNormal = '';

/**
 * Normalise text for matching.
 * @example normalize("  ¡Sí, Señor! ") // "si senor"
 */
export function normalize(text: string): string {
  // The engine normalises the same incoming message several times per turn; remember the last.
  if (text === lastText) return lastNormal;
  // Plain ASCII has no accents to strip, so skip the (slow) Unicode decomposition.
  const ascii = /^[\x00-\x7f]*$/.test(text);
  lastNormal = (ascii ? text : text.normalize('NFKD').replace(COMBINING, ''))
    .toLowerCase()
    .replace(ascii ? ASCII_NON_WORD : NON_WORD, ' ')
    .trim();
  lastText = text;
  return lastNormal;
}

/**
 * Typos allowed when the expected word has `length` letters.
 * @example allowedTypos(4) // 1
 */
export function allowedTypos(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

const ROWS = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau-Levenshtein (optimal string alignment) distance, giving up above `limit`.
 * @example distance("ride", "rdie") // 1
 */
export function distance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rolling rows (two back for transpositions), reused between calls: this runs for
  // every keyword on every message, so it must not allocate.
  if (b.length >= ROWS[0]!.length) ROWS.forEach((_, i) => (ROWS[i] = new Int32Array(b.length + 1)));
  let [prev2, prev, cur] = ROWS as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

// Bot-side strings (keywords, options) repeat on every turn, so their normal form is memoised;
// the cap keeps memory bounded if a caller feeds in arbitrary candidates.
const memo = new Map<string, string>();
function normalizeExpected(text: string): string {
  let n = memo.get(text);
  if (n === undefined) {
    if (memo.size > 5000) memo.clear();
    memo.set(text, (n = normalize(text)));
  }
  return n;
}

function score(a: string, b: string): number {
  if (a === b) return a ? 0 : -1;
  const limit = allowedTypos(b.replace(/ /g, '').length);
  if (!limit || !a) return -1;
  const d = distance(a, b, limit);
  return d <= limit ? d : -1;
}

/**
 * How far `input` is from `expected` after normalising, or -1 when it is too far to count.
 * @example fuzzyScore("Stpo", "STOP") // 1
 */
export function fuzzyScore(input: string, expected: string): number {
  return score(normalize(input), normalizeExpected(expected));
}

/**
 * True when `input` matches `expected` under the rule above.
 * @example fuzzyEquals("unsubscibe", "UNSUBSCRIBE") // true
 */
export function fuzzyEquals(input: string, expected: string): boolean {
  return fuzzyScore(input, expected) >= 0;
}

/**
 * Like `bestMatch`, for input that is already normalised.
 * @example bestNormalMatch("stpo", ["STOP"]) // 0
 */
export function bestNormalMatch(a: string, candidates: readonly string[], exact = false): number {
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < candidates.length && bestScore > 0; i++) {
    const b = normalizeExpected(candidates[i]!);
    const s = exact ? (a === b && a ? 0 : -1) : score(a, b);
    if (s >= 0 && s < bestScore) [best, bestScore] = [i, s];
  }
  return best;
}

/**
 * Index of the best match for `input` among `candidates` (exact beats typo; ties go to the
 * first), or -1. With `exact`, typos are not tolerated.
 * @example bestMatch("rides", ["RIDE", "RIDES"]) // 1
 */
export function bestMatch(input: string, candidates: readonly string[], exact = false): number {
  return bestNormalMatch(normalize(input), candidates, exact);
}

const YES = ['yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'si', 'correct'];
const NO = ['no', 'n', 'nope', 'nah', 'not really'];

/**
 * Read a yes/no answer: the whole message, or failing that its first word ("yes please").
 * @example yesNo("Sí") // "yes"
 * @example yesNo("nope!") // "no"
 */
export function yesNo(input: string): 'yes' | 'no' | null {
  const text = normalize(input);
  for (const candidate of [text, text.split(' ')[0] ?? '']) {
    if (bestNormalMatch(candidate, YES) >= 0) return 'yes';
    if (bestNormalMatch(candidate, NO) >= 0) return 'no';
  }
  return null;
}

const compact = (normal: string) => normal.replace(/ /g, '');

/**
 * Pick one of `options` from an answer: its number ("2"), the whole option (typos allowed,
 * spaces ignored: "door dash" = "DoorDash"), or words that only one option contains
 * ("morning" picks "Morning (7-11am)"). `aliases[i]` (e.g. option i's title cut to 20
 * characters) counts as option i. Returns the index or -1.
 * @example matchOption("2", ["Uber", "Lyft"]) // 1
 */
export function matchOption(
  input: string,
  options: readonly string[],
  aliases: readonly string[] = [],
): number {
  const text = normalize(input);
  if (!text) return -1;
  const normals = options.map(normalizeExpected);
  const exact = normals.indexOf(text);
  if (exact >= 0) return exact;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= options.length ? n - 1 : -1;
  }
  const whole = bestNormalMatch(
    compact(text),
    [...normals, ...aliases.map(normalizeExpected)].map(compact),
  );
  if (whole >= 0) return whole >= options.length ? whole - options.length : whole;
  const words = text.split(' ');
  let hit = -1;
  for (let i = 0; i < normals.length; i++) {
    const optionWords = normals[i]!.split(' ');
    if (!words.every((w) => optionWords.some((ow) => score(w, ow) >= 0))) continue;
    if (hit >= 0) return -1; // two options fit: ambiguous
    hit = i;
  }
  return hit;
}
