import { expect, test } from '@playwright/test';
import { FREE_COURSE, coursePath } from './helpers';

/**
 * What the built server sends a client that accepts compression (src/lib/http/compression.ts):
 * pages and built files compressed, in the client's preferred encoding, and short or bodiless
 * answers as they are.
 */
test.describe.configure({ mode: 'parallel' });

const asking = (encodings: string) => ({ headers: { 'accept-encoding': encodings } });

test('pages and their stylesheets come compressed in the encoding the client prefers', async ({
  request,
}) => {
  const course = coursePath(FREE_COURSE);
  const br = await request.get(course, asking('gzip, deflate, br'));
  expect(br.status()).toBe(200);
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['vary']).toBe('Accept-Encoding');
  const html = await br.text();
  expect(html).toContain('</html>');

  const gzipped = await request.get(course, asking('gzip'));
  expect(gzipped.headers()['content-encoding']).toBe('gzip');
  expect(await gzipped.text()).toBe(html);

  const stylesheet = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(html)?.[1];
  expect(stylesheet).toBeDefined();
  const css = await request.get(stylesheet!, asking('br'));
  expect(css.status()).toBe(200);
  expect(css.headers()['content-encoding']).toBe('br');
  expect(await css.text()).toContain('{');
});

test('short and bodiless answers are sent as they are', async ({ request }) => {
  const robots = await request.get('/robots.txt', asking('br, gzip'));
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-encoding']).toBeUndefined();
  expect(await robots.text()).toContain('Sitemap');

  const redirect = await request.get('/dashboard', { ...asking('br, gzip'), maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()['content-encoding']).toBeUndefined();
});
