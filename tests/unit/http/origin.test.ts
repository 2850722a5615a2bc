import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '~/lib/http/origin';

const SITE = 'https://botcamp.example';

describe('isSameOrigin', () => {
  it('accepts this site’s own Origin', () => expect(isSameOrigin(new Headers({ origin: SITE }), SITE)).toBe(true));
  it('refuses another origin, even with a same-origin fetch header', () => {
    expect(isSameOrigin(new Headers({ origin: 'https://evil.example' }), SITE)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }), SITE)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'null' }), SITE)).toBe(false);
  });
  it('refuses a request with no Origin unless the browser says it is same-origin', () => {
    expect(isSameOrigin(new Headers(), SITE)).toBe(false);
    expect(isSameOrigin(new Headers({ 'sec-fetch-site': 'cross-site' }), SITE)).toBe(false);
    expect(isSameOrigin(new Headers({ 'sec-fetch-site': 'same-origin' }), SITE)).toBe(true);
  });
});
