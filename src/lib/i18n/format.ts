import type { Locale } from './locales';

const INTL_TAG: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

/**
 * Intl formatters are costly to build (a course page formats dozens of durations, and building
 * one formatter per call was a third of that page's CPU time) and immutable once built, so each
 * combination of locale and options is built once per process.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n ${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter)
    formatters.set(key, (formatter = new Intl.NumberFormat(INTL_TAG[locale], options)));
  return formatter as Intl.NumberFormat;
}
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter)
    formatters.set(key, (formatter = new Intl.DateTimeFormat(INTL_TAG[locale], options)));
  return formatter as Intl.DateTimeFormat;
}

/** @example formatDate('es', new Date('2026-11-24')) // '24 de noviembre de 2026' */
export function formatDate(locale: Locale, date: Date): string {
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Times are shown in UTC and say so (Intl refuses timeZoneName together with dateStyle). @example formatDateTime('en', d) // 'Nov 24, 2026, 3:55 AM UTC' */
export function formatDateTime(locale: Locale, date: Date): string {
  return `${dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

/**
 * The one money formatter. Amounts are in major units (49, 12.5), as authored in content.
 * @example formatMoney('en', 49, 'USD') // '$49' ; formatMoney('es', 12.5, 'USD') // '$12.50' (es-US writes dollars the US way)
 */
export function formatMoney(locale: Locale, amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  return numberFormat(locale, {
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
    numberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit(rest, 'minute');
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
}

/** @example formatPercent('en', 0.5) // '50%' */
export function formatPercent(locale: Locale, ratio: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
