/** SITE_URL when none is set (astro.config.mjs declares the same default). */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * The start-up warning for a server whose links will not work: SITE_URL unset, so e-mails and
 * certificates link to http://localhost:4321, while the server listens somewhere else (another
 * port, or an address other people reach). Null when SITE_URL is set or the default is right.
 *
 * @example
 * siteUrlWarning({ HOST: '0.0.0.0', PORT: '8080' })
 * // ['SITE_URL is not set, so links in e-mails and on certificates point to http://localhost:4321,', ...]
 */
export function siteUrlWarning(env: {
  SITE_URL?: string | undefined;
  HOST?: string | undefined;
  PORT?: string | undefined;
}): string[] | null {
  if (env.SITE_URL?.trim()) return null;
  const host = env.HOST?.trim() || 'localhost';
  const port = env.PORT?.trim() || '4321';
  if (LOOPBACK.has(host) && port === '4321') return null;
  const listening = `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
  return [
    `SITE_URL is not set, so links in e-mails and on certificates point to ${DEFAULT_SITE_URL},`,
    `but this server listens on ${listening}: those links will not work for the people who get them.`,
    'Set SITE_URL to the address people open the site at, e.g. SITE_URL=https://courses.example.org',
  ];
}
