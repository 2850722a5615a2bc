import { describe, expect, it } from 'vitest';
import { formatMessage } from '~/lib/i18n/message-format';
import { translator } from '~/lib/i18n/translate';

describe('formatMessage', () => {
  it('chooses the plural form by the language rules', () => {
    const segments = '{n, plural, one {# segment} other {# segments}}';
    expect(formatMessage('en', segments, { n: 1 })).toBe('1 segment');
    expect(formatMessage('en', segments, { n: 0 })).toBe('0 segments');
    expect(formatMessage('en', segments, { n: 3 })).toBe('3 segments');
    expect(
      formatMessage('es', '{n, plural, =0 {ninguna} one {# lección} other {# lecciones}}', {
        n: 0,
      }),
    ).toBe('ninguna');
    expect(formatMessage('es', '{n, plural, one {# lección} other {# lecciones}}', { n: 1 })).toBe(
      '1 lección',
    );
  });
  it('fills plain placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('en', 'Hi {name}, {missing}', { name: 'Ada' })).toBe('Hi Ada, {missing}');
  });
  it('is what the translator uses, in both languages', () => {
    expect(translator('en')('course.lessonCount', { count: 1 })).toBe('1 lesson');
    expect(translator('es')('course.lessonCount', { count: 16 })).toBe('16 lecciones');
    expect(translator('en')('bot.segments', { encoding: 'GSM-7', segments: 1, units: 21 })).toBe(
      'GSM-7 · 1 segment · 21 characters',
    );
    expect(translator('es')('bot.segments', { encoding: 'UCS-2', segments: 2, units: 1 })).toBe(
      'UCS-2 · 2 segmentos · 1 carácter',
    );
  });
});
