/**
 * Whether a state-changing request comes from this site's own pages. `origins` are the ones this
 * site answers on: its public address (SITE_URL, which is what browsers send behind an HTTPS
 * proxy) and the address the request arrived at (a local or test server). Browsers send `Origin` on
 * every POST; `Sec-Fetch-Site: same-origin` covers the rare client that omits it. A request
 * with neither (a script, a forged request through an old proxy) is refused: nothing on this site
 * needs to accept it.
 * @example isSameOrigin(new Headers({ origin: 'https://botcamp.example' }), 'https://botcamp.example') // true
 * @example isSameOrigin(new Headers(), 'https://botcamp.example') // false
 */
export function isSameOrigin(headers: Headers, origins: string | readonly string[]): boolean {
  const origin = headers.get('origin');
  if (origin !== null)
    return typeof origins === 'string' ? origin === origins : origins.includes(origin);
  return headers.get('sec-fetch-site') === 'same-origin';
}

const FORM_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];

/**
 * Whether a request is one a cross-site page could send without asking (a form post, or a
 * body-less POST), so it must pass isSameOrigin before anything runs. Other content types (JSON)
 * need a CORS preflight that is never granted; JSON endpoints check the origin themselves, and
 * signed webhooks come from servers, which send no Origin.
 * @example needsOriginCheck('POST', 'application/x-www-form-urlencoded') // true
 * @example needsOriginCheck('POST', 'application/json') // false
 */
export function needsOriginCheck(method: string, contentType: string | null): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (contentType === null) return true;
  const type = contentType.toLowerCase();
  return FORM_CONTENT_TYPES.some((form) => type.includes(form));
}
