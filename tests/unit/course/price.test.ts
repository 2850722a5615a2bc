import { describe, expect, it } from 'vitest';
import { isFree, startingAmount } from '~/lib/course/price';
import { FIXED_49_USD, FREE, PWYC_15_TO_49_EUR } from './fixtures';

describe('isFree', () => {
  it('is true only for free prices', () => {
    expect(isFree(FREE)).toBe(true);
    expect(isFree(FIXED_49_USD)).toBe(false);
    expect(isFree(PWYC_15_TO_49_EUR)).toBe(false);
  });
});

describe('startingAmount', () => {
  it('has nothing to show for a free course', () => {
    expect(startingAmount(FREE)).toBeNull();
  });

  it('is the fixed amount', () => {
    expect(startingAmount(FIXED_49_USD)).toEqual({ amount: 49, currency: 'USD' });
  });

  it('is the minimum for pay-what-you-can', () => {
    expect(startingAmount(PWYC_15_TO_49_EUR)).toEqual({ amount: 15, currency: 'EUR' });
  });
});
