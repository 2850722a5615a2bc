import type { Price } from '../content/schemas';

export function isFree(price: Price): boolean {
  return price.type === 'free';
}

/** The amount shown on the call to action: the fixed price, or the suggested one for pay-what-you-can. */
export function displayAmount(price: Price): { amount: number; currency: string } | null {
  if (price.type === 'fixed') return { amount: price.amount, currency: price.currency };
  if (price.type === 'pay-what-you-can') return { amount: price.suggested, currency: price.currency };
  return null;
}
