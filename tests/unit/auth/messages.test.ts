import { describe, expect, it } from 'vitest';
import { AUTH_ERROR_CODES, authErrorKey } from '~/lib/auth/errors';
import { authMessages } from '~/lib/i18n/messages/auth';

describe('auth messages', () => {
  it('have the same keys in English and Spanish, none empty', () => {
    expect(Object.keys(authMessages.es).sort()).toEqual(Object.keys(authMessages.en).sort());
    for (const dict of [authMessages.en, authMessages.es]) {
      for (const value of Object.values(dict)) expect(value.trim()).not.toBe('');
    }
  });

  it('cover every error code, and only those', () => {
    const errorKeys = Object.keys(authMessages.en).filter((k) => k.startsWith('error.'));
    expect(errorKeys.sort()).toEqual(AUTH_ERROR_CODES.map(authErrorKey).sort());
    for (const code of AUTH_ERROR_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, en] of Object.entries(authMessages.en)) {
      expect(placeholders(authMessages.es[key as keyof typeof authMessages.en]), key).toEqual(
        placeholders(en),
      );
    }
  });
});
