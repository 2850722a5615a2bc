import { describe, expect, it } from 'vitest';
import {
  allowedTypos,
  bestMatch,
  distance,
  fuzzyEquals,
  matchOption,
  normalize,
  yesNo,
} from '~/lib/bot/fuzzy.ts';

const TIME_WINDOWS = ['Morning (7-11am)', 'Midday (11am-3pm)', 'Evening (3-7pm)'];
const PLATFORMS = ['Uber', 'Lyft', 'DoorDash', 'Instacart', 'Amazon Flex', 'Other'];

describe('normalize', () => {
  it('lowercases, strips accents, and turns punctuation and spaces into single spaces', () => {
    expect(normalize('  ¡Sí, Señor!! ')).toBe('si senor');
    expect(normalize('RIDE.')).toBe('ride');
    expect(normalize("don't\ttext   me")).toBe('don t text me');
  });
});

describe('distance (Damerau-Levenshtein, optimal string alignment)', () => {
  it.each([
    ['ride', 'ride', 0],
    ['ride', 'rdie', 1], // transposition
    ['ride', 'rid', 1], // deletion
    ['ride', 'ridee', 1], // insertion
    ['ride', 'rive', 1], // substitution
    ['unsubscribe', 'unsbuscribe', 1],
    ['kitten', 'sitting', 3],
  ])('%s → %s = %i', (a, b, d) => {
    expect(distance(a, b)).toBe(d);
  });

  it('gives up early above the limit', () => {
    expect(distance('abcdefgh', 'zzzzzzzz', 1)).toBe(2);
  });
});

describe('the typo rule', () => {
  it('is exact up to 3 letters, 1 typo for 4-7 letters, 2 typos for 8+', () => {
    expect([1, 3, 4, 7, 8, 12].map(allowedTypos)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('accepts one typo in a 4-7 letter word, but not two', () => {
    expect(fuzzyEquals('RIDEE', 'RIDE')).toBe(true);
    expect(fuzzyEquals('Rdie', 'RIDE')).toBe(true);
    expect(fuzzyEquals('RDIEE', 'RIDE')).toBe(false);
  });

  it('accepts two typos in an 8+ letter word, but not three', () => {
    expect(fuzzyEquals('unsubscibe', 'UNSUBSCRIBE')).toBe(true);
    expect(fuzzyEquals('unsbuscibe', 'UNSUBSCRIBE')).toBe(true);
    expect(fuzzyEquals('unsbuscbe', 'UNSUBSCRIBE')).toBe(false);
  });

  it('is exact for words of 3 letters or fewer', () => {
    expect(fuzzyEquals('END', 'END')).toBe(true);
    expect(fuzzyEquals('ENF', 'END')).toBe(false);
    expect(fuzzyEquals('on', 'no')).toBe(false);
  });

  it('ignores case, accents, punctuation and surrounding whitespace', () => {
    expect(fuzzyEquals('  clínica!! ', 'CLINICA')).toBe(true);
  });

  it('never matches empty input', () => {
    expect(fuzzyEquals('!!!', 'STOP')).toBe(false);
  });

  it('prefers an exact match over a typo match', () => {
    expect(bestMatch('rides', ['RIDE', 'RIDES'])).toBe(1);
    expect(bestMatch('ridess', ['RIDE', 'RIDES'])).toBe(1);
    expect(bestMatch('ridez', ['RIDE', 'RIDES'])).toBe(0); // a tie goes to the first
    expect(bestMatch('rides', ['RIDE', 'RIDES'], true)).toBe(1);
    expect(bestMatch('ridez', ['RIDE', 'RIDES'], true)).toBe(-1);
  });
});

describe('yesNo', () => {
  it.each(['yes', 'Y', 'yeah', 'yep', 'Sure!', 'ok', 'si', 'Sí', 'yes please', 'Yeah!'])(
    'reads %j as yes',
    (answer) => {
      expect(yesNo(answer)).toBe('yes');
    },
  );
  it.each(['no', 'N', 'nope', 'nah', 'No thanks', 'NO.'])('reads %j as no', (answer) => {
    expect(yesNo(answer)).toBe('no');
  });
  it.each(['maybe', '', 'what?'])('does not guess for %j', (answer) => {
    expect(yesNo(answer)).toBeNull();
  });
});

describe('matchOption', () => {
  it('matches an option by number', () => {
    expect(matchOption('2', TIME_WINDOWS)).toBe(1);
    expect(matchOption('4', TIME_WINDOWS)).toBe(-1);
  });
  it('matches the whole option with a typo, ignoring spaces', () => {
    expect(matchOption('lfyt', PLATFORMS)).toBe(1);
    expect(matchOption('door dash', PLATFORMS)).toBe(2);
    expect(matchOption('Amazon flex', PLATFORMS)).toBe(4);
  });
  it('matches a word only one option contains', () => {
    expect(matchOption('morning', TIME_WINDOWS)).toBe(0);
    expect(matchOption('evenign', TIME_WINDOWS)).toBe(2);
  });
  it('matches an alias such as a title cut to 20 characters', () => {
    expect(
      matchOption(
        'Instacart Shopper (f',
        ['Instacart Shopper (full service)'],
        ['Instacart Shopper (f'],
      ),
    ).toBe(0);
  });
  it('refuses ambiguous or unknown answers', () => {
    expect(matchOption('am', ['Morning am', 'Midday am'])).toBe(-1);
    expect(matchOption('bicycle', PLATFORMS)).toBe(-1);
  });
});
