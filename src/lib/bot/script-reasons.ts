/**
 * The sentences that explain a scripted check's result (script.ts), in the exercise's language:
 * a learner doing a Spanish exercise reads why a check failed in Spanish.
 */
import { parseRegex } from './pattern.ts';
import type { Language } from './types.ts';

export interface ScriptReasons {
  /** Where the check looks: "At the start" or "After “RIDE”". */
  after(lastSaid: string | undefined): string;
  /** What the bot said: "said “…”" or "said nothing" (already quoted and clipped). */
  said(quoted: string | undefined): string;
  missing(after: string, said: string, pattern: string): string;
  lastMissing(after: string, pattern: string): string;
  lastWrong(after: string, quotedLast: string, pattern: string): string;
  unwanted(after: string, said: string, pattern: string): string;
  notSilent(message: string, quoted: string): string;
  missingTag(tag: string, tags: string[]): string;
  wrongVar(name: string, expected: string, actual: string | undefined): string;
  passed(after: string, said: string, thenSilent: boolean): string;
  tooLong(maxChars: number): string;
  crashed(error: string): string;
}

/** "mention “ZIP”" or "match /stopped/i": how a pattern reads after "should" / "doesn't". */
const verbEn = (pattern: string) =>
  parseRegex(pattern) ? `match ${pattern}` : `mention “${pattern}”`;

const EN: ScriptReasons = {
  after: (lastSaid) => (lastSaid === undefined ? 'At the start' : `After “${lastSaid}”`),
  said: (quoted) => (quoted === undefined ? 'said nothing' : `said ${quoted}`),
  missing: (after, said, pattern) => `${after} the bot ${said}, which doesn't ${verbEn(pattern)}.`,
  lastMissing: (after, pattern) =>
    `${after} the bot said nothing; its reply should ${verbEn(pattern)}.`,
  lastWrong: (after, last, pattern) =>
    `${after} the bot's last reply was ${last}, which doesn't ${verbEn(pattern)}.`,
  unwanted: (after, said, pattern) =>
    `${after} the bot ${said}, which shouldn't ${verbEn(pattern)}.`,
  notSilent: (message, quoted) =>
    `After “${message}” the bot should stay silent, but it said ${quoted}.`,
  missingTag: (tag, tags) =>
    `The person should be tagged “${tag}”, but ${tags.length ? `their tags are ${tags.join(', ')}` : 'they have no tags'}.`,
  wrongVar: (name, expected, actual) =>
    `{{${name}}} should be “${expected}”, but ${actual === undefined ? 'it was never saved' : `it is “${actual}”`}.`,
  passed: (after, said, thenSilent) =>
    `${after} the bot ${said}${thenSilent ? ', then stayed silent' : ''}.`,
  tooLong: (max) =>
    `The bot said more than ${max.toLocaleString('en-US')} characters in this check; shorten its messages or stop it repeating itself.`,
  crashed: (error) => `The bot stopped with an error: ${error}`,
};

/** Spanish needs two forms: "menciona “ZIP”" (it does) and "mencionar “ZIP”" (it should). */
const verbEs = (pattern: string, infinitive: boolean) =>
  parseRegex(pattern)
    ? `${infinitive ? 'coincidir' : 'coincide'} con ${pattern}`
    : `${infinitive ? 'mencionar' : 'menciona'} “${pattern}”`;

const ES: ScriptReasons = {
  after: (lastSaid) => (lastSaid === undefined ? 'Al principio' : `Después de “${lastSaid}”`),
  said: (quoted) => (quoted === undefined ? 'no dijo nada' : `dijo ${quoted}`),
  missing: (after, said, pattern) =>
    `${after}, el bot ${said}, y eso no ${verbEs(pattern, false)}.`,
  lastMissing: (after, pattern) =>
    `${after}, el bot no dijo nada; su respuesta debería ${verbEs(pattern, true)}.`,
  lastWrong: (after, last, pattern) =>
    `${after}, la última respuesta del bot fue ${last}, y eso no ${verbEs(pattern, false)}.`,
  unwanted: (after, said, pattern) =>
    `${after}, el bot ${said}, y no debería ${verbEs(pattern, true)}.`,
  notSilent: (message, quoted) =>
    `Después de “${message}”, el bot tendría que quedarse callado, pero dijo ${quoted}.`,
  missingTag: (tag, tags) =>
    `La persona debería tener la etiqueta “${tag}”, pero ${tags.length ? `sus etiquetas son ${tags.join(', ')}` : 'no tiene ninguna'}.`,
  wrongVar: (name, expected, actual) =>
    `{{${name}}} debería ser “${expected}”, pero ${actual === undefined ? 'nunca se guardó' : `es “${actual}”`}.`,
  passed: (after, said, thenSilent) =>
    `${after}, el bot ${said}${thenSilent ? ' y luego se quedó callado' : ''}.`,
  tooLong: (max) =>
    `El bot dijo más de ${max.toLocaleString('es-US')} caracteres en esta prueba; acorta sus mensajes o evita que se repita.`,
  crashed: (error) => `El bot se detuvo con un error: ${error}`,
};

const REASONS: { [language in Language]: ScriptReasons } = { en: EN, es: ES };

/**
 * The explanations in `language` (English when absent).
 * @example scriptReasons('es').after('VIAJE') // "Después de “VIAJE”"
 */
export function scriptReasons(language: Language | undefined): ScriptReasons {
  return REASONS[language ?? 'en'];
}
