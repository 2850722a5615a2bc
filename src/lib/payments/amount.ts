import type { Price } from '~/lib/content/schemas';
import type { Result } from '~/lib/result';

/**
 * What a learner pays for a course, in minor units (cents) as Stripe wants them. Prices are
 * authored in major units (49, 12.5); every currency Botcamp accepts has two decimals.
 */

/** Nobody means to pay more than this for one course: a typo guard (4900 for 49.00). */
export const MAX_AMOUNT = 5_000;

export type AmountError =
  'amount-invalid' | 'amount-below-minimum' | 'amount-above-maximum' | 'course-free';

export interface ChosenAmount {
  /** Minor units, e.g. 4900 for $49. */
  minor: number;
  /** Lower-case ISO code, as Stripe writes it. */
  currency: string;
}

/**
 * Major units to minor units without floating-point drift.
 * @example toMinor(12.3) // 1230
 */
export function toMinor(major: number): number {
  return Math.round(major * 100);
}

/**
 * Reads the amount a person typed or picked: "49", "49.5", "49,50", "$49", " 1,200 " (a comma
 * followed by exactly three digits groups thousands; otherwise it is the decimal separator, as
 * in Spanish). At most two decimals.
 * @example parseAmount('49,50') // 49.5
 * @example parseAmount('1,200') // 1200
 */
export function parseAmount(input: string): number | null {
  let text = input
    .trim()
    .replace(/^(US\$|CA\$|MX\$|\$|€|£)/i, '')
    .replace(/[\s\u00a0]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(text)) text = text.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * The amount to charge for `price`: the fixed amount, or the learner's pay-what-you-can choice
 * checked against the minimum and MAX_AMOUNT.
 * @example chooseAmount({ type: 'pay-what-you-can', minimum: 15, suggested: 49, currency: 'USD' }, '10') // { ok: false, error: 'amount-below-minimum', field: 'amount' }
 */
export function chooseAmount(
  price: Price,
  input: string | null | undefined,
): Result<ChosenAmount, AmountError> {
  if (price.type === 'free') return { ok: false, error: 'course-free' };
  const currency = price.currency.toLowerCase();
  if (price.type === 'fixed')
    return { ok: true, value: { minor: toMinor(price.amount), currency } };
  const amount = parseAmount(input ?? '');
  if (amount === null) return { ok: false, error: 'amount-invalid', field: 'amount' };
  if (amount < price.minimum) return { ok: false, error: 'amount-below-minimum', field: 'amount' };
  if (amount > MAX_AMOUNT) return { ok: false, error: 'amount-above-maximum', field: 'amount' };
  return { ok: true, value: { minor: toMinor(amount), currency } };
}

/**
 * The amounts offered as one-tap choices on the course page: the minimum, the suggested
 * amount, and twice the suggested one (for those who can help keep the price low for others).
 * @example suggestedAmounts({ type: 'pay-what-you-can', minimum: 15, suggested: 49, currency: 'USD' }) // [15, 49, 98]
 */
export function suggestedAmounts(price: Price): number[] {
  if (price.type !== 'pay-what-you-can') return [];
  return [...new Set([price.minimum, price.suggested, Math.min(MAX_AMOUNT, price.suggested * 2)])];
}
