import { describe, expect, it } from 'vitest';
import { languageToRedirectTo } from '~/lib/i18n/preference';

describe('languageToRedirectTo', () => {
  const visit = {
    method: 'GET',
    pathname: '/courses/x',
    cookie: undefined,
    userLocale: null,
    acceptLanguage: null,
  };

  it('sends a Spanish-speaking first visitor from an English page to the Spanish one', () => {
    expect(languageToRedirectTo({ ...visit, acceptLanguage: 'es-MX,es;q=0.9' })).toBe('es');
  });

  it('follows a remembered choice first, then the profile, then the browser', () => {
    expect(
      languageToRedirectTo({ ...visit, cookie: 'en', userLocale: 'es', acceptLanguage: 'es' }),
    ).toBeNull();
    expect(languageToRedirectTo({ ...visit, userLocale: 'es', acceptLanguage: 'en' })).toBe('es');
  });

  it('leaves alone pages already in a language, forms, APIs, admin and files', () => {
    const spanish = { ...visit, acceptLanguage: 'es' };
    expect(languageToRedirectTo({ ...spanish, pathname: '/es/courses/x' })).toBeNull();
    expect(languageToRedirectTo({ ...spanish, method: 'POST' })).toBeNull();
    for (const pathname of ['/api/quiz', '/admin', '/robots.txt', '/logout'])
      expect(languageToRedirectTo({ ...spanish, pathname }), pathname).toBeNull();
  });
});
