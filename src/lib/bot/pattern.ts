/**
 * Expectation patterns for scripted checks: "ZIP" means "contains zip, any case"; a pattern
 * written "/stopped|opted out/i" is a regular expression.
 */

/**
 * The RegExp for a "/source/flags" pattern, or null if it isn't one (or doesn't compile).
 * The g and y flags are dropped: they would make repeated tests stateful.
 * @example parseRegex("/stop(ped)?/i")?.test("STOPPED") // true
 */
export function parseRegex(pattern: string): RegExp | null {
  const m = /^\/(.+)\/([a-z]*)$/s.exec(pattern.trim());
  if (!m) return null;
  try {
    return new RegExp(m[1]!, m[2]!.replace(/[gy]/g, ''));
  } catch {
    return null;
  }
}

/**
 * Does `text` satisfy `pattern`?
 * @example matchesPattern("What's your ZIP code?", "zip") // true
 */
export function matchesPattern(text: string, pattern: string): boolean {
  const regex = parseRegex(pattern);
  return regex ? regex.test(text) : text.toLowerCase().includes(pattern.toLowerCase());
}
