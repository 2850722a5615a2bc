import { isIP } from 'node:net';

/**
 * The part of a client address that identifies one party for throttling. IPv4 is used whole;
 * IPv6 is cut to its /64, because one subscriber usually gets a whole /64 and could otherwise
 * rotate through billions of addresses. IPv4-mapped IPv6 ('::ffff:1.2.3.4') counts as the IPv4
 * address. Anything else (a proxy misreport) is kept as given, bounded in length.
 *
 * @example
 * ipThrottleId('2001:db8:1:2:3:4:5:6') // '2001:db8:1:2::/64'
 * ipThrottleId('::ffff:203.0.113.9')   // '203.0.113.9'
 */
export function ipThrottleId(raw: string): string {
  const ip = raw.trim().toLowerCase().split('%')[0] ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped?.[1] !== undefined && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(ip) !== 6) return ip.slice(0, 64);
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of a valid IPv6 address, without leading zeros. */
function expandIpv6(ip: string): string[] {
  let address = ip;
  // A dotted IPv4 tail ('64:ff9b::192.0.2.1') stands for the last two hextets.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (tail !== null) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    address =
      address.slice(0, tail.index) +
      `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const middle = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16).toString(16));
}
