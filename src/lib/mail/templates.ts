import { authMessages } from '~/lib/i18n/messages/auth';
import type { Locale } from '~/lib/i18n/locales';

export interface MailContent {
  subject: string;
  text: string;
}

type MailKey = Extract<keyof typeof authMessages.en, `mail.${string}`>;

/** Fills {placeholders} in one pass, so a value that itself contains "{url}" stays literal. */
function fill(locale: Locale, key: MailKey, values: Record<string, string>): string {
  return authMessages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The password reset e-mail. Plain text only: a name is untrusted input, and text/plain has no
 * markup to inject into.
 *
 * @example
 * resetPasswordEmail('es', { name: 'Ada', url: 'https://botcamp.example/reset-password/abc' })
 * // { subject: 'Restablece tu contraseña de Botcamp', text: 'Hola, Ada:\n\n…' }
 */
export function resetPasswordEmail(locale: Locale, values: { name: string; url: string }): MailContent {
  return {
    subject: fill(locale, 'mail.reset.subject', values),
    text: fill(locale, 'mail.reset.body', values),
  };
}
