import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentTypeOf,
  listStaticFiles,
  sendStaticFile,
  staticFileFor,
  type StaticFile,
} from '~/lib/http/static-files';

describe('the built files, listed at start', () => {
  let root: string;
  let files: Map<string, StaticFile>;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'botcamp-static-'));
    mkdirSync(join(root, '_astro'));
    mkdirSync(join(root, 'screenshots'));
    mkdirSync(join(root, '.well-known'));
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, '_astro', 'Base.abc123.css'), 'body{margin:0}');
    writeFileSync(
      join(root, 'screenshots', 'course page.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    );
    writeFileSync(join(root, '.env'), 'SECRET=1');
    writeFileSync(
      join(root, '.well-known', 'security.txt'),
      'Contact: mailto:security@example.org',
    );
    files = listStaticFiles(root);
    server = createServer((request, response) => {
      const file = staticFileFor(files, request.method, request.url);
      if (file) return sendStaticFile(file, request, response);
      response.writeHead(418).end('page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('lists every file by its URL path, without dotfiles outside /.well-known', () => {
    expect([...files.keys()].sort()).toEqual([
      '/.well-known/security.txt',
      '/_astro/Base.abc123.css',
      '/favicon.svg',
      '/screenshots/course page.png',
    ]);
  });

  it('serves a file with its type, length and validators; hashed names are cached for a year', async () => {
    const css = await fetch(`${origin}/_astro/Base.abc123.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toBe('body{margin:0}');
    const icon = await fetch(`${origin}/favicon.svg?v=2`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('public, max-age=0');
    expect(icon.headers.get('content-length')).toBe('41');
    await icon.arrayBuffer();
  });

  it('answers 304 when the browser already has the file', async () => {
    const first = await fetch(`${origin}/favicon.svg`);
    await first.arrayBuffer();
    const again = await fetch(`${origin}/favicon.svg`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('decodes the path, answers HEAD without a body, and leaves everything else to the pages', async () => {
    expect((await fetch(`${origin}/screenshots/course%20page.png`)).status).toBe(200);
    const head = await fetch(`${origin}/favicon.svg`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const path of ['/', '/.env', '/_astro/../.env', '/favicon.svg/', '/courses/x'])
      expect((await fetch(origin + path)).status, path).toBe(418);
    expect((await fetch(`${origin}/favicon.svg`, { method: 'POST' })).status).toBe(418);
    expect(staticFileFor(files, 'GET', '/%E0%A4%A')).toBeUndefined();
    // fetch() resolves dot segments before sending, so the raw path is checked directly.
    for (const path of [
      '/_astro/../.env',
      '/_astro/%2e%2e/.env',
      '/screenshots/../../package.json',
    ])
      expect(staticFileFor(files, 'GET', path), path).toBeUndefined();
  });

  it('names unknown extensions as bytes, never as something a browser would run', () => {
    expect(contentTypeOf('notes.unknown')).toBe('application/octet-stream');
    expect(contentTypeOf('FONT.WOFF2')).toBe('font/woff2');
  });

  it('lists nothing when there is no build yet', () => {
    expect(listStaticFiles(join(root, 'missing')).size).toBe(0);
  });
});
