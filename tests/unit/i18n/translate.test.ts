import { describe, expect, it } from 'vitest';
import { en } from '~/lib/i18n/en';
import { es } from '~/lib/i18n/es';
import { errorMessage, isMessageKey, translator } from '~/lib/i18n/translate';

const KNOWN_ERROR_CODE = 'course-not-found';
const UNKNOWN_ERROR_CODE = 'no-such-code';

describe('translator', () => {
  const t = translator('en');
  const tEs = translator('es');

  it('returns the string for a key in each language', () => {
    expect(t('nav.courses')).toBe(en['nav.courses']);
    expect(tEs('nav.courses')).toBe(es['nav.courses']);
  });

  it('returns the template untouched without params', () => {
    expect(t('nav.language')).toBe('Switch to {language}');
  });

  it('fills every placeholder, numbers included', () => {
    expect(t('nav.language', { language: 'Español' })).toBe('Switch to Español');
    expect(tEs('nav.language', { language: 'English' })).toBe('Cambiar a English');
    expect(t('course.curriculumIntro', { modules: 4, lessons: 16, time: '3 hr' })).toBe(
      '4 modules, 16 lessons, about 3 hr in all. Take them at your own pace.',
    );
    expect(t('course.lessonCount', { count: 0 })).toBe('0 lessons');
  });

  it('leaves placeholders it has no value for', () => {
    expect(t('nav.language', { other: 'x' })).toBe('Switch to {language}');
    expect(t('price.pwyc', { minimum: '$15' })).toBe(
      'Pay what you can from $15 (suggested {suggested})',
    );
  });

  it('inserts values literally, without replacement patterns or a second pass', () => {
    expect(t('nav.language', { language: '$& $1 $$' })).toBe('Switch to $& $1 $$');
    expect(t('price.pwyc', { minimum: '{suggested}', suggested: '$49' })).toBe(
      'Pay what you can from {suggested} (suggested $49)',
    );
  });
});

describe('errorMessage', () => {
  it('translates a known error code', () => {
    expect(errorMessage(translator('en'), KNOWN_ERROR_CODE)).toBe(en[`error.${KNOWN_ERROR_CODE}`]);
    expect(errorMessage(translator('es'), KNOWN_ERROR_CODE)).toBe(es[`error.${KNOWN_ERROR_CODE}`]);
  });

  it('passes params through to the message', () => {
    const t = translator('en');
    expect(errorMessage(t, 'throttled', { minutes: 5 })).toBe(t('error.throttled', { minutes: 5 }));
  });

  it('falls back to error.unexpected for an unknown code', () => {
    expect(errorMessage(translator('en'), UNKNOWN_ERROR_CODE)).toBe(en['error.unexpected']);
    expect(errorMessage(translator('es'), UNKNOWN_ERROR_CODE)).toBe(es['error.unexpected']);
    for (const code of ['', 'constructor', '__proto__', 'toString'])
      expect(errorMessage(translator('en'), code)).toBe(en['error.unexpected']);
  });
});

describe('isMessageKey', () => {
  it('knows dictionary keys and nothing else', () => {
    expect(isMessageKey('site.name')).toBe(true);
    expect(isMessageKey(`error.${KNOWN_ERROR_CODE}`)).toBe(true);
    expect(isMessageKey(`error.${UNKNOWN_ERROR_CODE}`)).toBe(false);
  });

  // Bug: it tests `key in en`, which also sees Object.prototype, so "toString" or "constructor"
  // count as message keys (t() would then return a function). errorMessage is safe only because
  // it prefixes "error.".
  it('does not take Object.prototype members for keys', () => {
    for (const key of ['toString', 'constructor', 'hasOwnProperty'])
      expect(isMessageKey(key), key).toBe(false);
  });
});
