import { describe, expect, it } from 'vitest';
import { isSameOrigin, needsOriginCheck } from '~/lib/http/origin';

const SITE = 'https://botcamp.example';

describe('isSameOrigin', () => {
  it('accepts this site’s own Origin', () =>
    expect(isSameOrigin(new Headers({ origin: SITE }), SITE)).toBe(true));
  it('refuses another origin, even with a same-origin fetch header', () => {
    expect(isSameOrigin(new Headers({ origin: 'https://evil.example' }), SITE)).toBe(false);
    expect(
      isSameOrigin(
        new Headers({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }),
        SITE,
      ),
    ).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'null' }), SITE)).toBe(false);
  });
  it('refuses a request with no Origin unless the browser says it is same-origin', () => {
    expect(isSameOrigin(new Headers(), SITE)).toBe(false);
    expect(isSameOrigin(new Headers({ 'sec-fetch-site': 'cross-site' }), SITE)).toBe(false);
    expect(isSameOrigin(new Headers({ 'sec-fetch-site': 'same-origin' }), SITE)).toBe(true);
  });
});

describe('isSameOrigin with several addresses of this site', () => {
  const origins = [SITE, 'http://127.0.0.1:4321'];
  it('accepts any of them and nothing else', () => {
    expect(isSameOrigin(new Headers({ origin: SITE }), origins)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: 'http://127.0.0.1:4321' }), origins)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: 'http://botcamp.example' }), origins)).toBe(false);
    expect(isSameOrigin(new Headers(), origins)).toBe(false);
  });
});

describe('needsOriginCheck', () => {
  it('checks what a cross-site page can send without a preflight', () => {
    expect(needsOriginCheck('POST', 'application/x-www-form-urlencoded')).toBe(true);
    expect(needsOriginCheck('POST', 'multipart/form-data; boundary=x')).toBe(true);
    expect(needsOriginCheck('PUT', 'Text/Plain;charset=UTF-8')).toBe(true);
    expect(needsOriginCheck('DELETE', null)).toBe(true);
  });
  it('leaves safe methods and JSON (checked by its endpoints) alone', () => {
    expect(needsOriginCheck('GET', null)).toBe(false);
    expect(needsOriginCheck('HEAD', null)).toBe(false);
    expect(needsOriginCheck('POST', 'application/json')).toBe(false);
  });
});
