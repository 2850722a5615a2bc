/**
 * The bot's own global keywords (`keywords:` in YAML), e.g. RIDE → ask-zip.
 *
 * A keyword matches the whole message (so "Can I get a ride?" is not RIDE), compared with the
 * fuzzy rule from fuzzy.ts. While a question is waiting for an answer only an exact keyword
 * jumps away, and only when the message isn't also one of that question's options or
 * buttons; a typo'd keyword is tried only when the answer was invalid. That way "Vote" can be
 * a valid choice option and "RIDEE" still restarts a ride request.
 */
import { bestMatch } from './fuzzy.ts';
import type { Bot, Keyword } from './types.ts';

// Flattened keyword lists, computed once per bot object (bots are never mutated).
const WORDS = new WeakMap<Bot, string[]>();

/**
 * Find the keyword a message triggers; exact matches beat typos, then the first listed wins.
 * @example matchKeyword(bot, "ride!", false)?.goto // "ask-zip" (when RIDE → ask-zip)
 */
export function matchKeyword(bot: Bot, text: string, allowTypos: boolean): Keyword | undefined {
  if (!bot.keywords.length) return undefined;
  let words = WORDS.get(bot);
  if (!words) WORDS.set(bot, (words = bot.keywords.flatMap((k) => k.match)));
  const hit = bestMatch(text, words, !allowTypos);
  if (hit < 0) return undefined;
  let seen = 0;
  return bot.keywords.find((k) => (seen += k.match.length) > hit);
}
