import type { Price } from '../content/schemas';

export function isFree(price: { type: string }): boolean {
  return price.type === 'free';
}

/**
 * The least a learner pays: the fixed price, or the minimum of pay-what-you-can; null when free.
 * What search engines and social cards show ("from $15").
 * @example startingAmount({ type: 'pay-what-you-can', minimum: 15, suggested: 49, currency: 'USD' }) // { amount: 15, currency: 'USD' }
 */
export function startingAmount(price: Price): { amount: number; currency: string } | null {
  if (price.type === 'fixed') return { amount: price.amount, currency: price.currency };
  if (price.type === 'pay-what-you-can') return { amount: price.minimum, currency: price.currency };
  return null;
}
