import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCALE,
  isLocale,
  localeFromParam,
  localePath,
  negotiateLocale,
  splitLocale,
} from '~/lib/i18n/locales';

const COURSE_PATH = '/courses/chatbots-for-organizing';
const SPANISH_COURSE_PATH = `/es${COURSE_PATH}`;

describe('isLocale', () => {
  it('knows en and es only', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('es')).toBe(true);
    for (const value of ['fr', 'ES', 'es-MX', '', null, undefined, 1])
      expect(isLocale(value)).toBe(false);
  });
});

describe('splitLocale', () => {
  it('never hands back a path that another site could be read from', () => {
    expect(splitLocale('/es//evil.example')).toEqual({ locale: 'es', path: '/evil.example' });
    expect(splitLocale('/es///evil.example/x')).toEqual({ locale: 'es', path: '/evil.example/x' });
  });

  it('takes the Spanish prefix off a path', () => {
    expect(splitLocale(SPANISH_COURSE_PATH)).toEqual({ locale: 'es', path: COURSE_PATH });
  });

  it('maps /es and /es/ to the Spanish home page', () => {
    expect(splitLocale('/es')).toEqual({ locale: 'es', path: '/' });
    expect(splitLocale('/es/')).toEqual({ locale: 'es', path: '/' });
  });

  it('leaves unprefixed paths in the default locale', () => {
    expect(splitLocale('/')).toEqual({ locale: DEFAULT_LOCALE, path: '/' });
    expect(splitLocale(COURSE_PATH)).toEqual({ locale: DEFAULT_LOCALE, path: COURSE_PATH });
  });

  it('does not treat /en, unknown languages or longer words as a locale prefix', () => {
    for (const path of ['/en/courses', '/fr/courses', '/esx', '/espanol/x', '/ES/courses']) {
      expect(splitLocale(path)).toEqual({ locale: DEFAULT_LOCALE, path });
    }
  });
});

describe('localePath', () => {
  it('adds no prefix in the default locale', () => {
    expect(localePath('en', COURSE_PATH)).toBe(COURSE_PATH);
    expect(localePath('en', '/')).toBe('/');
  });

  it('prefixes Spanish paths, with a trailing slash for the home page', () => {
    expect(localePath('es', COURSE_PATH)).toBe(SPANISH_COURSE_PATH);
    expect(localePath('es', '/')).toBe('/es/');
  });

  it('round-trips with splitLocale', () => {
    for (const locale of ['en', 'es'] as const) {
      for (const path of ['/', COURSE_PATH, '/login'])
        expect(splitLocale(localePath(locale, path))).toEqual({ locale, path });
    }
  });
});

describe('localeFromParam', () => {
  it('reads a missing or empty parameter as the default locale', () => {
    expect(localeFromParam(undefined)).toBe(DEFAULT_LOCALE);
    expect(localeFromParam('')).toBe(DEFAULT_LOCALE);
  });

  it('accepts es', () => {
    expect(localeFromParam('es')).toBe('es');
  });

  it('answers null (404) for en, which has no prefix, and for anything else', () => {
    for (const param of ['en', 'fr', 'ES', 'es/courses', 'xx'])
      expect(localeFromParam(param)).toBeNull();
  });
});

describe('negotiateLocale', () => {
  it('falls back to the default locale without a header', () => {
    expect(negotiateLocale(undefined)).toBe(DEFAULT_LOCALE);
    expect(negotiateLocale(null)).toBe(DEFAULT_LOCALE);
    expect(negotiateLocale('')).toBe(DEFAULT_LOCALE);
  });

  it('takes the first supported language from a typical browser header', () => {
    expect(negotiateLocale('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(negotiateLocale('en-US,en;q=0.9,es;q=0.8')).toBe('en');
  });

  it('ranks by q-value, not by position', () => {
    expect(negotiateLocale('en;q=0.1, es;q=0.5')).toBe('es');
    expect(negotiateLocale('en;q=0.9,es')).toBe('es');
  });

  it('keeps header order between equal q-values', () => {
    expect(negotiateLocale('es;q=1.0,en;q=1.0')).toBe('es');
    expect(negotiateLocale('en,es')).toBe('en');
  });

  it('reads regional and differently cased tags by their language', () => {
    expect(negotiateLocale('es-419')).toBe('es');
    expect(negotiateLocale('ES-mx')).toBe('es');
  });

  it('skips unsupported languages', () => {
    expect(negotiateLocale('fr-FR, de;q=0.9, es;q=0.5')).toBe('es');
    expect(negotiateLocale('fr, de')).toBe(DEFAULT_LOCALE);
  });

  it('ignores languages refused with q=0 or an unreadable q', () => {
    expect(negotiateLocale('es;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLocale('es;q=0')).toBe(DEFAULT_LOCALE);
    expect(negotiateLocale('es;q=abc, en')).toBe('en');
  });

  it.each(['garbage', '*', ';;;,,,', 'q=1', '-,-;q=', '\u0000es', 'x'.repeat(10_000)])(
    'answers the default locale for the garbage header %j',
    (header) => {
      expect(negotiateLocale(header)).toBe(DEFAULT_LOCALE);
    },
  );

  // Bug: the tag is not trimmed after splitting on ";", so "es ;q=0.8" (whitespace before the
  // semicolon, which RFC 9110 allows) never matches "es".
  it('allows whitespace around the semicolon', () => {
    expect(negotiateLocale('es ;q=0.8, en;q=0.7')).toBe('es');
  });
});
