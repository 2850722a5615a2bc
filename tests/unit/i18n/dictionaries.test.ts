import { describe, expect, it } from 'vitest';
import { en } from '~/lib/i18n/en';
import { es } from '~/lib/i18n/es';

const DICTIONARIES: Record<string, Record<string, string>> = { en, es };

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

describe('the en and es dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(DICTIONARIES))('%s has no empty strings', (locale) => {
    const empty = Object.entries(DICTIONARIES[locale]!).filter(
      ([, text]) => typeof text !== 'string' || text.trim() === '',
    );
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('use the same {placeholders} for each key', () => {
    const mismatched = Object.entries(en)
      .map(([key, text]) => ({
        key,
        en: placeholders(text),
        es: placeholders(es[key as keyof typeof en]),
      }))
      .filter((entry) => entry.en.join() !== entry.es.join());
    expect(mismatched).toEqual([]);
  });

  it('have placeholders that are plain words or well-formed plurals (no typos like "{ name}")', () => {
    const PLURAL = /\{\w+, plural,(?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+\s*\}/g;
    for (const [locale, dictionary] of Object.entries(DICTIONARIES)) {
      for (const [key, text] of Object.entries(dictionary)) {
        const plurals = text.match(PLURAL) ?? [];
        for (const p of plurals)
          expect(p, `${locale} ${key}: a plural needs an "other" form`).toMatch(/other\s*\{/);
        expect(text.replace(PLURAL, '').replace(/\{\w+\}/g, ''), `${locale} ${key}`).not.toMatch(
          /[{}]/,
        );
      }
    }
  });
});
