/**
 * What a bot says when its author wrote nothing for the moment: the re-ask after an answer that
 * does not fit, and the carrier replies (opt-out, opt-in, HELP). They follow the bot's
 * `language:`, so a Spanish bot never falls back to English; `invalid:`, `optOutConfirmation:`
 * and the like still replace them with the author's own words.
 */
import type { Reader } from './reader.ts';
import type { Expect, Language } from './types.ts';

export interface BuiltinTexts {
  /** `{name}` is the bot's name. */
  optOut: string;
  optIn: string;
  help: string;
  /** Asked once when a message may mean stop ("fin", "enough"); in the message's language. */
  confirmOptOut: string;
  /** Re-ask for a step that waits for a tapped button. */
  buttons: string;
  number(expect: Expect): string;
  yesNo: string;
  /** Messenger quick replies offered for a yes-no question. */
  yesNoReplies: string[];
  choice(options: string[]): string;
  email: string;
  phone: string;
  zip: string;
  emptyText: string;
  tooLong(max: number): string;
}

const EN: BuiltinTexts = {
  optOut:
    "You're unsubscribed from {name} and won't get more messages. Reply START to resubscribe.",
  optIn: "You're resubscribed to {name}. Reply HELP for help, STOP to unsubscribe.",
  help: '{name}. Reply STOP to unsubscribe.',
  confirmOptOut:
    'Do you want to stop getting texts from {name}? Reply YES and we will not text you again, or go on with your answer.',
  buttons: 'Please tap one of the buttons.',
  number({ min, max, integer }) {
    const noun = integer ? 'a whole number' : 'a number';
    if (min !== undefined && max !== undefined)
      return `Please reply with ${noun} from ${min} to ${max}.`;
    if (min !== undefined) return `Please reply with ${noun} of at least ${min}.`;
    if (max !== undefined) return `Please reply with ${noun} no bigger than ${max}.`;
    return `Please reply with ${noun}.`;
  },
  yesNo: 'Please reply YES or NO.',
  yesNoReplies: ['Yes', 'No'],
  choice: (options) => `Please reply with one of: ${options.join(', ')} (or its number).`,
  email: 'Please reply with an email address, like name@example.org.',
  phone: 'Please reply with a 10-digit US phone number, like 415-555-0134.',
  zip: 'Please reply with a 5-digit ZIP code, like 94110.',
  emptyText: 'Please reply with a short answer.',
  tooLong: (max) => `Please keep it to ${max} ${max === 1 ? 'character' : 'characters'} or fewer.`,
};

// The re-asks say "Responde…" (tú), as the course's Spanish bots do, and keep START, HELP and
// STOP in English: those are the carrier words every number answers.
const ES: BuiltinTexts = {
  optOut:
    'Te diste de baja de {name} y ya no te enviaremos mensajes. Responde START para volver a suscribirte.',
  optIn: 'Te suscribiste de nuevo a {name}. Responde HELP para ayuda o STOP para darte de baja.',
  help: '{name}. Responde STOP para darte de baja.',
  confirmOptOut:
    '¿Quieres dejar de recibir mensajes de {name}? Responde SÍ y no te escribiremos más, o sigue con tu respuesta.',
  buttons: 'Toca uno de los botones, por favor.',
  number({ min, max, integer }) {
    const noun = integer ? 'un número entero' : 'un número';
    if (min !== undefined && max !== undefined) return `Responde con ${noun} del ${min} al ${max}.`;
    if (min !== undefined) return `Responde con ${noun} de ${min} o más.`;
    if (max !== undefined) return `Responde con ${noun} de ${max} o menos.`;
    return `Responde con ${noun}.`;
  },
  yesNo: 'Responde SÍ o NO.',
  yesNoReplies: ['Sí', 'No'],
  choice: (options) => `Responde con una de estas opciones: ${options.join(', ')} (o su número).`,
  email: 'Responde con un correo electrónico, por ejemplo nombre@ejemplo.org.',
  phone: 'Responde con un teléfono de EE. UU. de 10 cifras, por ejemplo 415-555-0134.',
  zip: 'Responde con un código postal (ZIP) de 5 cifras, por ejemplo 94110.',
  emptyText: 'Responde con unas pocas palabras.',
  tooLong: (max) => `Escribe ${max === 1 ? '1 carácter' : `${max} caracteres`} como máximo.`,
};

const TEXTS: { [language in Language]: BuiltinTexts } = { en: EN, es: ES };

/** The languages a bot or exercise may declare with `language:`. */
export const LANGUAGES = Object.keys(TEXTS) as Language[];

/**
 * The built-in texts in `language` (English when absent).
 * @example builtinTexts('es').zip // "Responde con un código postal (ZIP) de 5 cifras, por ejemplo 94110."
 */
export function builtinTexts(language: Language | undefined): BuiltinTexts {
  return TEXTS[language ?? 'en'];
}

/**
 * Whether `value` names one of LANGUAGES.
 * @example isLanguage('es') // true
 */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as string[]).includes(value);
}

/** A `language:` field of a bot or exercise, checked against LANGUAGES. */
export function readLanguage(r: Reader, value: unknown): Language | undefined {
  const language = r.str(value, 'language');
  if (language === undefined) return undefined;
  if (isLanguage(language)) return language;
  r.problems.add('language', r.problems.texts.unknownLanguage(language, LANGUAGES));
  return undefined;
}
