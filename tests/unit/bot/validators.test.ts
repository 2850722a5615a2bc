import { describe, expect, it } from 'vitest';
import type { Expect } from '~/lib/bot/index.ts';
import { validateAnswer } from '~/lib/bot/validators.ts';

const ZIP: Expect = { type: 'zip' };
const PHONE: Expect = { type: 'phone' };
const EMAIL: Expect = { type: 'email' };
const YES_NO: Expect = { type: 'yes-no' };
const TEXT: Expect = { type: 'text' };
const SHORT_TEXT: Expect = { type: 'text', maxLength: 10 };
const NUMBER: Expect = { type: 'number' };
const RIDERS: Expect = { type: 'number', min: 1, max: 6, integer: true };
const AT_LEAST_ONE: Expect = { type: 'number', min: 1 };
const AT_MOST_TEN: Expect = { type: 'number', max: 10 };
const WINDOWS: Expect = {
  type: 'choice',
  options: ['Morning (7-11am)', 'Midday (11am-3pm)', 'Evening (3-7pm)'],
};

const ok = (value: string | number) => ({ ok: true, value });
const rejected = { ok: false, hint: expect.any(String) };

describe('zip', () => {
  it.each([
    ['94110', '94110'],
    [' 94110 ', '94110'],
    ['94110-1234', '94110'],
    ['941101234', '94110'],
    ['07030', '07030'],
    ['my zip is 94110', '94110'],
  ])('accepts %j as %j', (answer, zip) => expect(validateAnswer(ZIP, answer)).toEqual(ok(zip)));

  it.each(['9411', '941100', '94110 or 94103', 'hello', '', '94110-12'])('rejects %j', (answer) => {
    expect(validateAnswer(ZIP, answer)).toEqual({
      ok: false,
      hint: 'Please reply with a 5-digit ZIP code, like 94110.',
    });
  });
});

describe('phone', () => {
  it.each([
    ['4155550134', '+14155550134'],
    ['(415) 555-0134', '+14155550134'],
    ['415.555.0134', '+14155550134'],
    ['+1 415 555 0134', '+14155550134'],
    ['1-415-555-0134', '+14155550134'],
  ])('accepts %j as E.164 %j', (answer, e164) =>
    expect(validateAnswer(PHONE, answer)).toEqual(ok(e164)),
  );

  it.each(['555-0134', '0155550134', '4151550134', '+44 20 7946 0958', '41555501345', 'call me'])(
    'rejects %j',
    (answer) => {
      expect(validateAnswer(PHONE, answer)).toEqual(rejected);
    },
  );
});

describe('email', () => {
  it.each([
    ['name@example.org', 'name@example.org'],
    [' Name.Last@Example.CO.uk ', 'name.last@example.co.uk'],
  ])('accepts %j as %j', (answer, email) =>
    expect(validateAnswer(EMAIL, answer)).toEqual(ok(email)),
  );

  it.each([
    'name@',
    '@example.org',
    'name@example',
    'name example.org',
    'a@b.c',
    'two@@example.org',
  ])('rejects %j', (answer) => {
    expect(validateAnswer(EMAIL, answer)).toEqual(rejected);
  });
});

describe('number', () => {
  it.each([
    ['3', 3],
    ['3 riders', 3],
    ['$1,200', 1200],
    ['2.5', 2.5],
    ['two', 2],
    ['dos', 2],
    ['-4', -4],
  ])('accepts %j as %d', (answer, n) => expect(validateAnswer(NUMBER, answer)).toEqual(ok(n)));

  it.each(['many', '3 or 4', ''])('rejects %j', (answer) =>
    expect(validateAnswer(NUMBER, answer)).toEqual(rejected),
  );

  it('enforces min, max and whole numbers with a hint that says so', () => {
    expect(validateAnswer(RIDERS, '6')).toEqual(ok(6));
    expect(validateAnswer(RIDERS, '7')).toEqual({
      ok: false,
      hint: 'Please reply with a whole number from 1 to 6.',
    });
    expect(validateAnswer(RIDERS, '0')).toEqual(rejected);
    expect(validateAnswer(RIDERS, '2.5')).toEqual(rejected);
    expect(validateAnswer(AT_LEAST_ONE, '0')).toEqual({
      ok: false,
      hint: 'Please reply with a number of at least 1.',
    });
    expect(validateAnswer(AT_MOST_TEN, '11')).toEqual({
      ok: false,
      hint: 'Please reply with a number no bigger than 10.',
    });
  });
});

describe('yes-no', () => {
  it('saves "yes" or "no"', () => {
    expect(validateAnswer(YES_NO, 'Yep')).toEqual(ok('yes'));
    expect(validateAnswer(YES_NO, 'nah')).toEqual(ok('no'));
    expect(validateAnswer(YES_NO, 'perhaps')).toEqual({
      ok: false,
      hint: 'Please reply YES or NO.',
    });
  });
});

describe('choice', () => {
  it('saves the option text, chosen by number, name or unique word', () => {
    expect(validateAnswer(WINDOWS, '2')).toEqual(ok('Midday (11am-3pm)'));
    expect(validateAnswer(WINDOWS, 'evening')).toEqual(ok('Evening (3-7pm)'));
    expect(validateAnswer(WINDOWS, 'Mornin')).toEqual(ok('Morning (7-11am)'));
  });

  it('lists the options when the answer matches none', () => {
    expect(validateAnswer(WINDOWS, 'night')).toEqual({
      ok: false,
      hint: 'Please reply with one of: Morning (7-11am), Midday (11am-3pm), Evening (3-7pm) (or its number).',
    });
  });
});

describe('text', () => {
  it('saves trimmed, non-empty text', () => {
    expect(validateAnswer(TEXT, '  Alex  ')).toEqual(ok('Alex'));
    expect(validateAnswer(TEXT, '   ')).toEqual({
      ok: false,
      hint: 'Please reply with a short answer.',
    });
  });

  it('enforces maxLength', () => {
    expect(validateAnswer(SHORT_TEXT, 'Oakland')).toEqual(ok('Oakland'));
    expect(validateAnswer(SHORT_TEXT, 'San Francisco')).toEqual({
      ok: false,
      hint: 'Please keep it to 10 characters or fewer.',
    });
  });
});
