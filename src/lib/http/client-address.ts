import { BlockList, isIP } from 'node:net';

/**
 * The request header the production server (src/cli/serve.ts) uses to hand the real client
 * address to the app. It removes any copy a client sent before setting its own, so the app can
 * believe it only when that server is in front (CLIENT_ADDRESS_HEADER_TRUSTED in the environment).
 */
export const CLIENT_ADDRESS_HEADER = 'x-botcamp-client-address';

/** The set of reverse proxies whose X-Forwarded-For is believed. */
export interface TrustedProxies {
  has(address: string): boolean;
  readonly description: string;
}

/**
 * Parses TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 or IPv6, separated by commas or
 * spaces. Unset or empty means no proxy is trusted (the socket's address is the client's).
 *
 * @example
 * const r = parseTrustedProxies('127.0.0.1, 10.0.0.0/8');
 * if (!r.ok) throw new Error(r.error);
 */
export function parseTrustedProxies(
  value: string | undefined,
): { ok: true; proxies: TrustedProxies } | { ok: false; error: string } {
  const list = new BlockList();
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined)
      return {
        ok: false,
        error: `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (like 10.0.0.0/8)`,
      };
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128))
      return { ok: false, error: `TRUSTED_PROXIES: "${entry}" has an invalid prefix length` };
    list.addSubnet(address, bits, type);
  }
  return {
    ok: true,
    proxies: {
      has: (address) => {
        const normalized = normalizeAddress(address);
        const family = isIP(normalized);
        return family !== 0 && list.check(normalized, family === 4 ? 'ipv4' : 'ipv6');
      },
      description: entries.length ? entries.join(', ') : 'none',
    },
  };
}

/** `::ffff:203.0.113.9` (how a dual-stack socket reports IPv4) is the IPv4 address it wraps. */
function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * The address of the person behind a request. From an untrusted peer, its socket address:
 * forwarding headers are anyone's to forge. From a trusted proxy, X-Forwarded-For read from the
 * right (the hop the proxy itself added) leftwards past other trusted proxies; the first address
 * that is not one of them is the client. A malformed entry stops the walk at the last address a
 * trusted proxy vouched for, so garbage cannot choose a throttling key.
 *
 * @example
 * realClientAddress('127.0.0.1', '198.51.100.7, 127.0.0.1', proxies) // '198.51.100.7'
 */
export function realClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  proxies: TrustedProxies,
): string {
  let client = normalizeAddress(socketAddress ?? '');
  if (!client || !proxies.has(client)) return client || 'unknown';
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i] ?? '');
    if (isIP(hop) === 0) break;
    client = hop;
    if (!proxies.has(hop)) break;
  }
  return client;
}
