/**
 * Answer validators for `expect:`. Each turns a raw message into the value that gets saved,
 * or into a hint that is sent (when the step has no `invalid:` text) before re-asking, in the
 * bot's language (builtin-texts.ts).
 *
 * | type   | accepts                                              | saves              |
 * |--------|------------------------------------------------------|--------------------|
 * | text   | anything non-empty (≤ maxLength)                      | trimmed text       |
 * | number | one number in the message ("3 riders", "$1,200", "two") within min/max | number |
 * | yes-no | yes/y/yeah/yep/sure/ok/sí…, no/n/nope/nah (fuzzy.ts)   | "yes" or "no"      |
 * | choice | an option (typos ok), its number "2", or a unique word | the option's text  |
 * | email  | name@domain.tld                                       | lowercased address |
 * | phone  | US 10 digits, any formatting, optional +1 / 1          | E.164 "+14155550134" |
 * | zip    | exactly one 5-digit ZIP or ZIP+4 in the message        | 5 digits           |
 */
import { builtinTexts } from './builtin-texts.ts';
import { matchOption, normalize, yesNo } from './fuzzy.ts';
import type { Expect, Language } from './types.ts';

export type Validation = { ok: true; value: string | number } | { ok: false; hint: string };

const NUMBER_WORDS = [
  'zero one two three four five six seven eight nine ten eleven twelve',
  'cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce',
].map((row) => row.split(' '));

function parseNumber(text: string): number | null {
  const digits = text.replace(/(\d),(?=\d{3}\b)/g, '$1').match(/-?\d+(?:\.\d+)?/g);
  if (digits) return digits.length === 1 ? Number(digits[0]) : null;
  const words = normalize(text).split(' ');
  const found = NUMBER_WORDS.flatMap((row) =>
    words.map((w) => row.indexOf(w)).filter((n) => n >= 0),
  );
  return found.length === 1 ? found[0]! : null;
}

/**
 * Check an answer against a step's `expect`. `aliases[i]` also selects choice option i (used
 * for quick reply titles cut to Messenger's 20 characters); `language` is the hint's.
 * @example validateAnswer({ type: "zip" }, "94110-1234") // { ok: true, value: "94110" }
 * @example validateAnswer({ type: "number", min: 1, max: 8 }, "12") // { ok: false, hint: "Please reply with a number from 1 to 8." }
 * @example validateAnswer({ type: "yes-no" }, "quizás", { language: "es" }) // { ok: false, hint: "Responde SÍ o NO." }
 */
export function validateAnswer(
  expect: Expect,
  text: string,
  { aliases, language }: { aliases?: string[]; language?: Language } = {},
): Validation {
  const answer = text.trim();
  const hints = builtinTexts(language);
  switch (expect.type) {
    case 'number': {
      const n = parseNumber(answer);
      const fits =
        n !== null &&
        (!expect.integer || Number.isInteger(n)) &&
        (expect.min === undefined || n >= expect.min) &&
        (expect.max === undefined || n <= expect.max);
      return fits ? { ok: true, value: n } : { ok: false, hint: hints.number(expect) };
    }
    case 'yes-no': {
      const yn = yesNo(answer);
      return yn ? { ok: true, value: yn } : { ok: false, hint: hints.yesNo };
    }
    case 'choice': {
      const options = expect.options ?? [];
      const i = matchOption(answer, options, aliases);
      return i >= 0 ? { ok: true, value: options[i]! } : { ok: false, hint: hints.choice(options) };
    }
    case 'email': {
      const email = answer.toLowerCase();
      return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[a-z]{2,}$/.test(email)
        ? { ok: true, value: email }
        : { ok: false, hint: hints.email };
    }
    case 'phone': {
      const digits = answer.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
      // NANP: area code and exchange never start with 0 or 1.
      return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits)
        ? { ok: true, value: `+1${digits}` }
        : { ok: false, hint: hints.phone };
    }
    case 'zip': {
      const zips = answer.match(/\b\d{5}(?:-?\d{4})?\b/g);
      const onlyDigits =
        zips?.length === 1 && answer.replace(/\D/g, '').length === zips[0]!.replace('-', '').length;
      return onlyDigits
        ? { ok: true, value: zips[0]!.slice(0, 5) }
        : { ok: false, hint: hints.zip };
    }
    default: {
      const max = expect.maxLength;
      if (!answer) return { ok: false, hint: hints.emptyText };
      if (max !== undefined && answer.length > max) return { ok: false, hint: hints.tooLong(max) };
      return { ok: true, value: answer };
    }
  }
}
