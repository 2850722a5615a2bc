import { en } from './en';
import { es } from './es';
import type { Locale } from './locales';
import { formatMessage } from './message-format';

export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const dictionaries: Record<Locale, Dictionary> = { en, es };

/**
 * Looks up an interface string and fills `{name}` placeholders and plural choices (see
 * message-format.ts). Every string a person reads (pages, errors, e-mails) comes through here.
 * @example translator('es')('lesson.minutes', { count: 12 }) // '12 min'
 */
export function translator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    const dictionary = dictionaries[locale];
    translate = (key, params) => {
      const template = dictionary[key];
      return params ? formatMessage(locale, template, params) : template;
    };
    translators.set(locale, translate);
  }
  return translate;
}
const translators = new Map<Locale, Translate>();

/** Whether a string is a known key: error codes from src/lib arrive as `error.<code>`. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for an error code returned by src/lib, with a generic fallback for unknown codes. */
export function errorMessage(t: Translate, code: string, params?: MessageParams): string {
  const key = `error.${code}`;
  return isMessageKey(key) ? t(key, params) : t('error.unexpected');
}
