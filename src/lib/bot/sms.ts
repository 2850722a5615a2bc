/**
 * SMS channel rules: segment counting (GSM 03.38 / UCS-2) and the carrier keywords.
 *
 * Keywords (whole message, matched with the fuzzy rule in fuzzy.ts so "Stop!" and "STPO" count):
 * - Opt-out: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT (plus REVOKE, OPT OUT), and since the
 *   FCC's 2024 revocation rule, plain-language requests anywhere in a message: "take me off your
 *   list", "stop texting me", "unsubscribe me", "opt me out", "please stop", "remove me"...
 *   An opt-out wins over everything, including a pending question.
 * - Opt-in: START, YES, UNSTOP, but only while opted out (otherwise YES is an ordinary answer).
 * - Spanish: PARAR, CANCELAR, BAJA, BASTA, ALTO and phrases such as "no más mensajes" or "ya no me
 *   manden mensajes" opt out; AYUDA asks for help.
 * - Words that may be an answer or a request to stop ("fin", "ya no", "enough"): the bot asks once
 *   whether the person wants to stop, and stops on a yes. When in doubt it confirms; it never
 *   ignores them (the FCC judges other words by the totality of the circumstances).
 * - HELP, INFO: answered with the bot's help text, even while opted out, because CTIA expects
 *   HELP to work for every number and it says how to resubscribe.
 */
import { bestMatch, bestNormalMatch, normalize } from './fuzzy.ts';
import type { SmsInfo } from './types.ts';

// GSM 03.38 basic character set (0x1B, the escape, is not a character by itself).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Extension table: each costs an escape plus the character, so 2 septets.
const GSM_EXTENDED = '\f^{}\\[~]|€';
// Septets per UTF-16 code unit (0 = not GSM-7); every GSM character is below U+20AD (€).
const SEPTETS = new Uint8Array(0x20ad);
for (const c of GSM_BASIC) SEPTETS[c.charCodeAt(0)] = 1;
for (const c of GSM_EXTENDED) SEPTETS[c.charCodeAt(0)] = 2;

/** GSM-7 septets per character, or 0 when the character is not in GSM-7. */
function gsmUnits(char: string): number {
  return char.length === 1 ? (SEPTETS[char.charCodeAt(0)] ?? 0) : 0;
}

/**
 * Count a message the way the network does.
 * GSM-7: 160 septets alone, 153 per segment once split (the rest is the concatenation header);
 * extension characters (^ { } [ ] ~ | \ €) take 2. One character outside GSM-7 (emoji, curly
 * quote, á) turns the whole message into UCS-2: 70 alone, 67 per segment, counted in UTF-16
 * code units (an emoji is 2). A 2-unit character is never split across segments.
 * @example smsSegments("Hola, ¿cómo estás?") // { encoding: 'UCS-2', units: 18, segments: 1, ... } (ó)
 * @example smsSegments("Reply STOP to opt out") // { encoding: 'GSM-7', units: 21, segments: 1, ... }
 */
export function smsSegments(text: string): SmsInfo {
  let septets = 0;
  for (let i = 0; i < text.length && septets >= 0; i++) {
    const units = SEPTETS[text.charCodeAt(i)];
    septets = units ? septets + units : -1;
  }
  const gsm = septets >= 0;
  const units = gsm ? septets : text.length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const ucs2Chars = gsm ? [] : [...new Set(Array.from(text).filter((c) => !gsmUnits(c)))];
  let segments = units === 0 ? 0 : 1;
  if (units > single) {
    // Pack greedily so a 2-unit character (GSM escape pair, UTF-16 surrogate pair) that would
    // straddle a boundary starts the next segment instead.
    let used = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const pair = !gsm && code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
      const size = gsm ? SEPTETS[code]! : pair ? 2 : 1;
      if (pair) i++;
      if (used + size > multi) [segments, used] = [segments + 1, 0];
      used += size;
    }
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments, ucs2Chars };
}

// Spanish equivalents count too: the FCC rule covers any reasonable way a person says it, and
// many of the people these bots serve write in Spanish (PARAR, BAJA, "ya no me manden mensajes").
const OPT_OUT_WORDS = [
  'stop',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'revoke',
  'optout',
  'opt out',
  'parar',
  'cancelar',
  'baja',
  'basta',
];
// Matched exactly, not with typo tolerance: ALTO is one letter from ALTA ("dar de alta", sign up).
const OPT_OUT_EXACT = ['alto', 'no mas', 'no mas mensajes', 'no mas textos', 'ya basta'];
// Whole messages that may answer a question as well as ask to stop: confirm before acting.
// ("Para" alone is PARAR's imperative, and is taken as an opt-out.)
const MAYBE_OPT_OUT: { [normal: string]: 'en' | 'es' } = {
  fin: 'es',
  'ya no': 'es',
  'ya estuvo': 'es',
  enough: 'en',
  'no more': 'en',
  'leave me': 'en',
};
const OPT_OUT_PHRASE =
  /\b(stop (texting|messaging|sending|contacting|all|it|please)|please stop|take me off|remove me|revoke|opt (me )?out|optout|unsubscribe|(do ?n ?t|do not) (text|message|contact)|leave me alone|no more (texts|messages)|ya no (me )?(manden|envien|escriban|mande|envie|escriba)|no (me )?(manden|envien|escriban) mas|no (quiero )?(recibir )?mas (mensajes|textos)|(dejen|deja) de (mandar|enviar|escribir)(me)?|ya basta|basta de (mensajes|textos)|dar(me)? de baja|quiero (la )?baja|(sacar?|saquen|quitar?|quiten|borrar?|borren) ?me de (la|su|tu|esta) lista)\b/;
const NOT_OPT_OUT = ['subscribe', 'resubscribe', 'sub scribe'];
const OPT_IN_WORDS = ['start', 'yes', 'unstop'];
const HELP_WORDS = ['help', 'info', 'ayuda'];

/**
 * Is this message a request to stop messages?
 * @example isOptOut("Take me off your list please") // true
 * @example isOptOut("Can I stop by the clinic?") // false
 */
export function isOptOut(text: string): boolean {
  const n = normalize(text);
  // SUBSCRIBE is only two edits from UNSUBSCRIBE, but it means the opposite.
  if (NOT_OPT_OUT.includes(n)) return false;
  return (
    OPT_OUT_EXACT.includes(n) || bestNormalMatch(n, OPT_OUT_WORDS) >= 0 || OPT_OUT_PHRASE.test(n)
  );
}

/**
 * A message that may be a request to stop or an answer ("fin", "enough"): the language to ask
 * in, or null. Checked only when isOptOut said no.
 * @example maybeOptOut("Fin") // 'es'
 */
export function maybeOptOut(text: string): 'en' | 'es' | null {
  return MAYBE_OPT_OUT[normalize(text)] ?? null;
}

/**
 * The opt-out keywords each language's lessons teach, as the engine honours them (shown to
 * learners by the OptOutKeywords lesson component, so the lesson and the bot cannot drift).
 */
export const OPT_OUT_KEYWORDS: { en: readonly string[]; es: readonly string[] } = {
  en: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPT OUT'],
  es: ['BAJA', 'PARAR', 'CANCELAR', 'BASTA', 'ALTO', 'NO MÁS MENSAJES'],
};

/** Plain-language requests the engine also treats as opt-outs (examples, not the whole rule). */
export const OPT_OUT_EXAMPLES: { en: readonly string[]; es: readonly string[] } = {
  en: [
    'take me off your list',
    'stop texting me',
    'please stop',
    'remove me',
    "don't text me",
    'no more messages',
  ],
  es: [
    'ya no me manden mensajes',
    'no quiero recibir más mensajes',
    'dejen de escribirme',
    'sáquenme de la lista',
    'darme de baja',
    'ya basta',
  ],
};

/**
 * Is this message a request to resume messages (only meaningful while opted out)?
 * @example isOptIn("unstop") // true
 */
export function isOptIn(text: string): boolean {
  return bestMatch(text, OPT_IN_WORDS) >= 0;
}

/**
 * Is this message a HELP/INFO request?
 * @example isHelp("help!") // true
 */
export function isHelp(text: string): boolean {
  return bestMatch(text, HELP_WORDS) >= 0;
}

/** Words an SMS bot can't use as its own keywords: the opt-out and HELP rules answer first. */
export const RESERVED_SMS_WORDS = [
  ...OPT_OUT_WORDS,
  ...OPT_OUT_EXACT,
  ...Object.keys(MAYBE_OPT_OUT),
  ...HELP_WORDS,
];

// Characters that silently force UCS-2 but have a GSM-7 twin; the linter suggests the swap.
export const GSM_LOOKALIKES: { [char: string]: string } = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
};
