import { authMessages } from '~/lib/i18n/messages/auth';
import { paymentMessages } from '~/lib/i18n/messages/payments';
import type { Locale } from '~/lib/i18n/locales';

export interface MailContent {
  subject: string;
  text: string;
}

const mailMessages = {
  en: { ...authMessages.en, ...paymentMessages.en },
  es: { ...authMessages.es, ...paymentMessages.es },
};
type MailKey = Extract<keyof typeof mailMessages.en, `mail.${string}`>;

/** Fills {placeholders} in one pass, so a value that itself contains "{url}" stays literal. */
function fill(locale: Locale, key: MailKey, values: Record<string, string>): string {
  return mailMessages[locale][key].replace(
    /\{(\w+)\}/g,
    (whole, name: string) => values[name] ?? whole,
  );
}

/**
 * The password reset e-mail. Plain text only: a name is untrusted input, and text/plain has no
 * markup to inject into.
 *
 * @example
 * resetPasswordEmail('es', { name: 'Ada', url: 'https://botcamp.example/reset-password/abc' })
 * // { subject: 'Restablece tu contraseña de Botcamp', text: 'Hola, Ada:\n\n…' }
 */
export function resetPasswordEmail(
  locale: Locale,
  values: { name: string; url: string },
): MailContent {
  return {
    subject: fill(locale, 'mail.reset.subject', values),
    text: fill(locale, 'mail.reset.body', values),
  };
}

/**
 * The purchase confirmation: sent once, by whichever of the webhook or the success page granted
 * access. Plain text, like every e-mail.
 * @example purchaseEmail('en', { name: 'Ada', course: 'Texting for turnout', amount: '$49', url: 'https://…/lessons/why-text' }).subject // 'You are enrolled in Texting for turnout'
 */
export function purchaseEmail(
  locale: Locale,
  values: { name: string; course: string; amount: string; url: string },
): MailContent {
  return {
    subject: fill(locale, 'mail.purchase.subject', values),
    text: fill(locale, 'mail.purchase.body', values),
  };
}

/**
 * The invitation for an account an admin created (one by one or by import): a one-time link to
 * choose a password, in the person's language.
 */
export function inviteEmail(
  locale: Locale,
  values: { name: string; course: string; url: string },
): MailContent {
  return {
    subject: fill(locale, 'mail.invite.subject', values),
    text: fill(locale, 'mail.invite.body', values),
  };
}

/** The link that finishes a sign-up: the person chooses their password with it. */
export function signUpConfirmEmail(
  locale: Locale,
  values: { name: string; url: string },
): MailContent {
  return {
    subject: fill(locale, 'mail.signup.subject', values),
    text: fill(locale, 'mail.signup.body', values),
  };
}

/** To the owner of an address someone tried to sign up with: the form itself never says it was taken. */
export function signUpTakenEmail(
  locale: Locale,
  values: { name: string; loginUrl: string; resetUrl: string },
): MailContent {
  return {
    subject: fill(locale, 'mail.signup-taken.subject', values),
    text: fill(locale, 'mail.signup-taken.body', values),
  };
}
