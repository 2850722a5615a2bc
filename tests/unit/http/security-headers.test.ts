import { describe, expect, it } from 'vitest';
import { securityHeadersFor } from '~/lib/http/security-headers';

describe('securityHeadersFor', () => {
  const of = (path: string, secure: boolean) => new Headers(securityHeadersFor(path, secure));

  it('forbids sniffing and framing, and the camera, microphone and location, on every page', () => {
    const headers = of('/courses/x', false);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('sends no referrer from a password-reset link, whose path holds its token', () => {
    expect(of('/reset-password/abc', false).get('referrer-policy')).toBe('no-referrer');
    expect(of('/reset-password', false).get('referrer-policy')).toBe(
      'strict-origin-when-cross-origin',
    );
  });

  it('asks for HTTPS from then on only when the public address is https', () => {
    expect(of('/', true).get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(of('/', false).has('strict-transport-security')).toBe(false);
  });
});
