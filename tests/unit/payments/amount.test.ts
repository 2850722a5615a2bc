import { describe, expect, it } from 'vitest';
import {
  chooseAmount,
  MAX_AMOUNT,
  parseAmount,
  suggestedAmounts,
  toMinor,
} from '~/lib/payments/amount';

const pwyc = { type: 'pay-what-you-can', minimum: 15, suggested: 49, currency: 'USD' } as const;

describe('parseAmount', () => {
  it('reads the ways people write amounts', () => {
    expect(parseAmount('49')).toBe(49);
    expect(parseAmount(' 49.50 ')).toBe(49.5);
    expect(parseAmount('49,50')).toBe(49.5);
    expect(parseAmount('$49')).toBe(49);
    expect(parseAmount('US$ 1,200')).toBe(1200);
    expect(parseAmount('1,200.75')).toBe(1200.75);
  });
  it('refuses what is not an amount', () => {
    for (const bad of [
      '',
      'abc',
      '-50',
      '49.999',
      '4 9 x',
      '1e3',
      '0x10',
      '49..5',
      'NaN',
      'Infinity',
    ])
      expect(parseAmount(bad), bad).toBeNull();
  });
});

describe('chooseAmount', () => {
  it('charges a fixed price as authored, in cents', () => {
    expect(chooseAmount({ type: 'fixed', amount: 29.99, currency: 'EUR' }, 'ignored')).toEqual({
      ok: true,
      value: { minor: 2999, currency: 'eur' },
    });
  });
  it('takes a pay-what-you-can amount at or above the minimum', () => {
    expect(chooseAmount(pwyc, '15')).toEqual({ ok: true, value: { minor: 1500, currency: 'usd' } });
    expect(chooseAmount(pwyc, '49,50')).toEqual({
      ok: true,
      value: { minor: 4950, currency: 'usd' },
    });
  });
  it('says plainly what is wrong', () => {
    expect(chooseAmount(pwyc, '14.99')).toEqual({
      ok: false,
      error: 'amount-below-minimum',
      field: 'amount',
    });
    expect(chooseAmount(pwyc, String(MAX_AMOUNT + 1))).toEqual({
      ok: false,
      error: 'amount-above-maximum',
      field: 'amount',
    });
    expect(chooseAmount(pwyc, 'twenty')).toEqual({
      ok: false,
      error: 'amount-invalid',
      field: 'amount',
    });
    expect(chooseAmount(pwyc, undefined)).toEqual({
      ok: false,
      error: 'amount-invalid',
      field: 'amount',
    });
    expect(chooseAmount({ type: 'free' }, '10')).toEqual({ ok: false, error: 'course-free' });
  });
  it('converts to cents without floating-point drift', () => {
    expect(toMinor(0.29)).toBe(29);
    expect(toMinor(4.35)).toBe(435); // 4.35 * 100 is 434.99999999999994
    expect(toMinor(19.99)).toBe(1999);
  });
});

describe('suggestedAmounts', () => {
  it('offers the minimum, the suggestion and twice the suggestion', () => {
    expect(suggestedAmounts(pwyc)).toEqual([15, 49, 98]);
    expect(suggestedAmounts({ ...pwyc, minimum: 49 })).toEqual([49, 98]);
    expect(suggestedAmounts({ type: 'fixed', amount: 10, currency: 'USD' })).toEqual([]);
  });
});
