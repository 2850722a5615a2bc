import { describe, expect, it } from 'vitest';
import { mayEncode, negotiateEncoding } from '~/lib/http/compression';

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
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('')).toBe('identity');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding('zstd, identity;q=0')).toBe('identity');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBe('identity');
  });
});

describe('mayEncode', () => {
  const page = (bytes: number, headers: [string, string][] = []) => ({
    headers,
    body: new Uint8Array(bytes),
  });

  it('leaves bodies under a kilobyte alone', () => {
    expect(mayEncode(page(1023))).toBe(false);
    expect(mayEncode(page(1024))).toBe(true);
  });

  it('leaves alone what Cache-Control says must not be transformed', () => {
    expect(mayEncode(page(4096, [['Cache-Control', 'private, no-transform']]))).toBe(false);
    expect(mayEncode(page(4096, [['cache-control', 'No-Transform']]))).toBe(false);
    expect(mayEncode(page(4096, [['Cache-Control', 'private, no-store']]))).toBe(true);
  });
});
