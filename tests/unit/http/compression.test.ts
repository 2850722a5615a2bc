import { describe, expect, it } from 'vitest';
import { asksForEncoding, mayEncode, negotiateEncoding } from '~/lib/http/compression';

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, among what the client accepts equally', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
  });

  it('follows the client’s own weights', () => {
    expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.1')).toBe('gzip');
    expect(negotiateEncoding(['deflate', 'gzip;q=0.8'])).toBe('gzip');
  });

  it('sends the body as it is when the client asks for nothing it offers', () => {
    expect(negotiateEncoding('')).toBe('identity');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding('zstd, identity;q=0')).toBe('identity');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBe('identity');
  });
});

describe('mayEncode', () => {
  const page = (bytes: number, headers: [string, string][] = [], status = 200) => ({
    status,
    headers: [['Content-Type', 'text/html; charset=utf-8'], ...headers] as [string, string][],
    body: new Uint8Array(bytes),
  });

  it('leaves bodies under a kilobyte alone', () => {
    expect(mayEncode(page(1023))).toBe(false);
    expect(mayEncode(page(1024))).toBe(true);
  });

  it('encodes pages, styles, scripts, SVG, XML and CSV, not plain text or JSON', () => {
    const typed = (type: string) => ({
      status: 200,
      headers: [['content-type', type]] as [string, string][],
      body: new Uint8Array(4096),
    });
    for (const type of [
      'text/html',
      'TEXT/CSS',
      'text/javascript; charset=utf-8',
      'application/xml',
      'image/svg+xml',
      'text/csv',
    ])
      expect(mayEncode(typed(type)), type).toBe(true);
    for (const type of [
      'text/plain',
      'application/json',
      'image/png',
      'text/htmlx',
      'application/octet-stream',
    ])
      expect(mayEncode(typed(type)), type).toBe(false);
    expect(mayEncode({ status: 200, headers: [], body: new Uint8Array(4096) })).toBe(false);
  });

  it('never encodes a redirect or an answer without content', () => {
    for (const status of [204, 301, 302, 303, 304, 307])
      expect(mayEncode(page(4096, [], status))).toBe(false);
    for (const status of [200, 403, 404, 500]) expect(mayEncode(page(4096, [], status))).toBe(true);
  });

  it('leaves alone what Cache-Control says must not be transformed', () => {
    expect(mayEncode(page(4096, [['Cache-Control', 'private, no-transform']]))).toBe(false);
    expect(mayEncode(page(4096, [['cache-control', 'No-Transform']]))).toBe(false);
    expect(mayEncode(page(4096, [['Cache-Control', 'private, no-store']]))).toBe(true);
  });
});

describe('asksForEncoding', () => {
  it('is true for any Accept-Encoding, even an empty one, and false without the header', () => {
    expect(asksForEncoding('gzip')).toBe(true);
    expect(asksForEncoding('')).toBe(true);
    expect(asksForEncoding([])).toBe(true);
    expect(asksForEncoding(undefined)).toBe(false);
  });
});
