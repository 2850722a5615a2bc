/**
 * Whether a state-changing request comes from this site's own pages. Browsers send `Origin` on
 * every POST; `Sec-Fetch-Site: same-origin` covers the rare client that omits it. A request
 * with neither (a script, a forged request through an old proxy) is refused: nothing on this site
 * needs to accept it.
 * @example isSameOrigin(new Headers({ origin: 'https://botcamp.example' }), 'https://botcamp.example') // true
 * @example isSameOrigin(new Headers(), 'https://botcamp.example') // false
 */
export function isSameOrigin(headers: Headers, siteOrigin: string): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return origin === siteOrigin;
  return headers.get('sec-fetch-site') === 'same-origin';
}
