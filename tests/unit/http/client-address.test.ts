import { describe, expect, it } from 'vitest';
import {
  parseTrustedProxies,
  realClientAddress,
  type TrustedProxies,
} from '~/lib/http/client-address';

function proxies(value: string): TrustedProxies {
  const parsed = parseTrustedProxies(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.proxies;
}

describe('parseTrustedProxies', () => {
  it('accepts addresses and CIDR ranges of both families', () => {
    const p = proxies('127.0.0.1, 10.0.0.0/8 fd00::/8');
    expect(p.has('127.0.0.1')).toBe(true);
    expect(p.has('::ffff:127.0.0.1')).toBe(true);
    expect(p.has('10.200.3.4')).toBe(true);
    expect(p.has('fd12::1')).toBe(true);
    expect(p.has('11.0.0.1')).toBe(false);
    expect(p.has('not an address')).toBe(false);
  });

  it('trusts nobody when unset or empty', () => {
    for (const value of [undefined, '', '  ']) {
      const parsed = parseTrustedProxies(value);
      expect(parsed.ok && parsed.proxies.has('127.0.0.1')).toBe(false);
    }
  });

  it('names the entry it cannot read', () => {
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/x', '1.2.3.4/8/9', 'fd00::/129']) {
      const parsed = parseTrustedProxies(`127.0.0.1, ${bad}`);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain(bad);
    }
  });
});

describe('realClientAddress', () => {
  const trusted = proxies('127.0.0.1, 10.0.0.0/8');

  it('ignores forwarding headers from an untrusted peer', () => {
    expect(realClientAddress('203.0.113.5', '198.51.100.7', trusted)).toBe('203.0.113.5');
    expect(realClientAddress('::ffff:203.0.113.5', '198.51.100.7', trusted)).toBe('203.0.113.5');
  });

  it('takes the first untrusted hop from the right behind trusted proxies', () => {
    expect(realClientAddress('127.0.0.1', '198.51.100.7', trusted)).toBe('198.51.100.7');
    // A client that forges its own X-Forwarded-For only adds entries on the left.
    expect(realClientAddress('127.0.0.1', '1.1.1.1, 198.51.100.7, 10.1.2.3', trusted)).toBe(
      '198.51.100.7',
    );
    expect(realClientAddress('127.0.0.1', ['1.1.1.1', '198.51.100.7'], trusted)).toBe(
      '198.51.100.7',
    );
  });

  it('stops at garbage and at a missing header', () => {
    expect(realClientAddress('127.0.0.1', 'evil, 10.1.2.3', trusted)).toBe('10.1.2.3');
    expect(realClientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    expect(realClientAddress('127.0.0.1', '', trusted)).toBe('127.0.0.1');
  });

  it('trusts nothing forwarded when no proxy is configured', () => {
    expect(realClientAddress('127.0.0.1', '198.51.100.7', proxies(''))).toBe('127.0.0.1');
    expect(realClientAddress(undefined, '198.51.100.7', proxies(''))).toBe('unknown');
  });
});
