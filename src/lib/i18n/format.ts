import type { Locale } from './locales';

const INTL_TAG: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

/** @example formatDate('es', new Date('2026-11-24')) // '24 de noviembre de 2026' */
export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Times are shown in UTC and say so (Intl refuses timeZoneName together with dateStyle). @example formatDateTime('en', d) // 'Nov 24, 2026, 3:55 AM UTC' */
export function formatDateTime(locale: Locale, date: Date): string {
  return `${new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

/**
 * The one money formatter. Amounts are in major units (49, 12.5), as authored in content.
 * @example formatMoney('en', 49, 'USD') // '$49' ; formatMoney('es', 12.5, 'USD') // '$12.50' (es-US writes dollars the US way)
 */
export function formatMoney(locale: Locale, amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  return new Intl.NumberFormat(INTL_TAG[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** @example formatMinutes('en', 95) // '1 hr 35 min' */
export function formatMinutes(locale: Locale, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (value: number, u: 'hour' | 'minute') =>
    new Intl.NumberFormat(INTL_TAG[locale], { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

/** @example formatPercent('en', 0.5) // '50%' */
export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
