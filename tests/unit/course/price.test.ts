import { describe, expect, it } from 'vitest';
import { displayAmount, isFree } from '~/lib/course/price';
import { FIXED_49_USD, FREE, PWYC_15_TO_49_EUR } from './fixtures';

describe('isFree', () => {
  it('is true only for free prices', () => {
    expect(isFree(FREE)).toBe(true);
    expect(isFree(FIXED_49_USD)).toBe(false);
    expect(isFree(PWYC_15_TO_49_EUR)).toBe(false);
  });
});

describe('displayAmount', () => {
  it('has nothing to show for a free course', () => {
    expect(displayAmount(FREE)).toBeNull();
  });

  it('shows the fixed amount', () => {
    expect(displayAmount(FIXED_49_USD)).toEqual({ amount: 49, currency: 'USD' });
  });

  it('shows the suggested amount for pay-what-you-can', () => {
    expect(displayAmount(PWYC_15_TO_49_EUR)).toEqual({ amount: 49, currency: 'EUR' });
  });
});
