import { describe, expect, it } from 'vitest';
import { monogram, monogramHue } from '~/lib/course/monogram';

const INSTRUCTOR_NAMES = ['Steve Nagai-Ma', 'Christine Miranda', 'Deepak Puri', 'Micky Jordan'];

describe('monogram', () => {
  it.each([
    ['Steve Nagai-Ma', 'SN'],
    ['Cher', 'C'],
    ['Mary Ann Evans', 'ME'],
    ['ada lovelace', 'AL'],
    ['  Ada   Lovelace  ', 'AL'],
    ['Émile Zola', 'ÉZ'],
    ['Ada\tLovelace', 'AL'],
  ])('%j → %s', (name, initials) => {
    expect(monogram(name)).toBe(initials);
  });

  it('falls back to ? without a name', () => {
    expect(monogram('')).toBe('?');
    expect(monogram('   ')).toBe('?');
  });
});

describe('monogramHue', () => {
  it('is a hue from 0 to 359', () => {
    for (const name of [...INSTRUCTOR_NAMES, '', 'x'.repeat(500)]) {
      const hue = monogramHue(name);
      expect(Number.isInteger(hue)).toBe(true);
      expect(hue).toBeGreaterThanOrEqual(0);
      expect(hue).toBeLessThan(360);
    }
  });

  it('is the same for the same name every time', () => {
    for (const name of INSTRUCTOR_NAMES) expect(monogramHue(name)).toBe(monogramHue(name));
  });

  it('tells the shipped instructors apart', () => {
    expect(new Set(INSTRUCTOR_NAMES.map(monogramHue)).size).toBe(INSTRUCTOR_NAMES.length);
  });
});
