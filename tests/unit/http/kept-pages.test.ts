import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '~/lib/db';
import { keepableRequest, KeptPages, type CachedPageView } from '~/lib/http/kept-pages';
import { approvedTestimonials, moderateTestimonial } from '~/lib/testimonials/testimonials';
import { testimonials, users } from '~db/schema';

const SESSION = 'session';
const anonymous: CachedPageView = { signedIn: false, hasNotice: false };
const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://site.test${path}`, { headers });

/**
 * A course page as the site has it: it reads the approved testimonials from the database, marks
 * itself as one that may be kept, and renders. `renders` counts the renders that really ran.
 */
function site(cache: KeptPages, db: Db, options: { status?: number; setCookie?: boolean } = {}) {
  let renders = 0;
  const handle = async (
    request: Request,
    view: CachedPageView = anonymous,
  ): Promise<{ html: string; response: Response }> => {
    const kept = await cache.serve(request, new URL(request.url), view);
    const response =
      kept ??
      (await cache.keep(
        request,
        await (async () => {
          const shown = await approvedTestimonials(db, 'course');
          cache.mark(request, new URL(request.url), view, {
            data: shown,
            read: () => approvedTestimonials(db, 'course'),
          });
          renders++;
          const headers = new Headers({
            'content-type': 'text/html',
            'content-security-policy': "default-src 'self'",
          });
          if (options.setCookie) headers.set('set-cookie', 'notice=; Max-Age=0');
          return new Response(
            `<p>render ${renders}: ${shown.map((t) => t.quote).join(' | ')}</p>`,
            { status: options.status ?? 200, headers },
          );
        })(),
      ));
    return { html: await response.text(), response };
  };
  return { handle, renders: () => renders };
}

describe('kept public pages', () => {
  let dir: string;
  let serverA: Db;
  let serverB: Db;
  let testimonialId: number;

  beforeEach(async () => {
    // Two servers on one database file: what one writes, the other must show on its next request.
    dir = mkdtempSync(join(tmpdir(), 'botcamp-page-cache-'));
    serverA = await openDatabase(join(dir, 'site.db'), { log: () => undefined });
    serverB = await openDatabase(join(dir, 'site.db'), { log: () => undefined });
    testimonialId = await serverB.write(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: 'ana@example.org', displayName: 'Ana' })
        .returning({ id: users.id });
      await tx.insert(testimonials).values({
        userId: user!.id,
        courseSlug: 'course',
        quote: 'First quote',
        name: 'Ana',
        status: 'approved',
        createdAt: new Date('2026-01-01T00:00:00Z'),
      });
      const [pending] = await tx
        .insert(testimonials)
        .values({
          userId: user!.id,
          courseSlug: 'course',
          quote: 'Second quote',
          name: 'Ana',
          status: 'pending',
          createdAt: new Date('2026-01-02T00:00:00Z'),
        })
        .returning({ id: testimonials.id });
      return pending!.id;
    });
  });
  afterEach(async () => {
    await serverA.close();
    await serverB.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders once and answers later visitors with the same bytes and headers', async () => {
    const { handle, renders } = site(
      new KeptPages({ enabled: true, sessionCookie: SESSION }),
      serverA,
    );
    const first = await handle(get('/courses/course'));
    const second = await handle(get('/courses/course'));
    expect(renders()).toBe(1);
    expect(second.html).toBe(first.html);
    expect(second.response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(second.response.headers.get('content-type')).toBe('text/html');
  });

  it('renders again as soon as another server changes what the page shows', async () => {
    const cache = new KeptPages({ enabled: true, sessionCookie: SESSION });
    const { handle, renders } = site(cache, serverA);
    expect((await handle(get('/courses/course'))).html).toBe('<p>render 1: First quote</p>');
    const approved = await moderateTestimonial(serverB, 1, testimonialId, 'approved');
    expect(approved.ok).toBe(true);
    expect((await handle(get('/courses/course'))).html).toBe(
      '<p>render 2: Second quote | First quote</p>',
    );
    expect((await handle(get('/courses/course'))).html).toBe(
      '<p>render 2: Second quote | First quote</p>',
    );
    expect(renders()).toBe(2);
  });

  it('hands an early answer the public copy only while its read gives what it was rendered from', async () => {
    const cache = new KeptPages({ enabled: true, sessionCookie: SESSION });
    const { handle } = site(cache, serverA);
    const first = await handle(get('/courses/course'));
    const kept = await cache.publicCopy('/courses/course');
    expect(kept && new TextDecoder().decode(kept.body)).toBe(first.html);
    expect(await cache.publicCopy('/courses/other')).toBeUndefined();
    await moderateTestimonial(serverB, 1, testimonialId, 'approved');
    expect(await cache.publicCopy('/courses/course')).toBeUndefined();
  });

  it('never serves or keeps a page for someone signed in, with a session cookie, a notice or a query', async () => {
    const { handle, renders } = site(
      new KeptPages({ enabled: true, sessionCookie: SESSION }),
      serverA,
    );
    await handle(get('/courses/course'));
    await handle(get('/courses/course'), { signedIn: true, hasNotice: false });
    await handle(get('/courses/course', { cookie: `theme=dark; ${SESSION}=expired-token` }));
    await handle(get('/courses/course'), { signedIn: false, hasNotice: true });
    await handle(get('/courses/course?buy=amount-too-low'));
    expect(renders()).toBe(5);
    // Other cookies do not matter to the page.
    await handle(get('/courses/course', { cookie: 'theme=dark' }));
    expect(renders()).toBe(5);
  });

  it('keeps nothing for encoded or doubled paths, other methods, errors or answers that set a cookie', async () => {
    const cache = new KeptPages({ enabled: true, sessionCookie: SESSION });
    const { handle } = site(cache, serverA);
    await handle(get('/courses/%63ourse'));
    await handle(get('//courses/course'));
    await handle(new Request('http://site.test/courses/course', { method: 'POST' }));
    expect(cache.size).toBe(0);
    await site(cache, serverA, { status: 404 }).handle(get('/courses/missing'));
    await site(cache, serverA, { setCookie: true }).handle(get('/courses/course'));
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxPages pages, the most recent, and nothing when disabled (astro dev)', async () => {
    const bounded = new KeptPages({ enabled: true, sessionCookie: SESSION, maxPages: 2 });
    for (const path of ['/a', '/b', '/c']) await site(bounded, serverA).handle(get(path));
    expect(bounded.size).toBe(2);
    const again = site(bounded, serverA);
    await again.handle(get('/c'));
    expect(again.renders()).toBe(0);
    const off = new KeptPages({ enabled: false, sessionCookie: SESSION });
    const { handle, renders } = site(off, serverA);
    await handle(get('/courses/course'));
    await handle(get('/courses/course'));
    expect(renders()).toBe(2);
    expect(off.size).toBe(0);
  });

  describe('copies of pages that hand over what they show (copyFor)', () => {
    const signedIn: CachedPageView = { signedIn: true, hasNotice: false };
    /** A page that renders only from its stamp, as the lesson page does; counts its renders. */
    function stampedSite(cache: KeptPages) {
      let renders = 0;
      const handle = async (request: Request, stamp: string, view = signedIn) => {
        const kept = cache.copyFor(request, new URL(request.url), view, stamp);
        const response =
          kept ??
          (await cache.keep(
            request,
            new Response(`<p>${stamp} (render ${++renders})</p>`, {
              headers: { 'content-type': 'text/html' },
            }),
          ));
        return response.text();
      };
      return { handle, renders: () => renders };
    }

    it('answers a signed-in request from the copy rendered from the same stamp, and only that one', async () => {
      const cache = new KeptPages({ enabled: true, sessionCookie: SESSION });
      const { handle, renders } = stampedSite(cache);
      const cookie = { cookie: `${SESSION}=token-a` };
      expect(await handle(get('/lesson', cookie), 'state-1')).toBe('<p>state-1 (render 1)</p>');
      expect(await handle(get('/lesson', { cookie: `${SESSION}=token-b` }), 'state-1')).toBe(
        '<p>state-1 (render 1)</p>',
      );
      expect(await handle(get('/lesson', cookie), 'state-2')).toBe('<p>state-2 (render 2)</p>');
      expect(await handle(get('/other', cookie), 'state-1')).toBe('<p>state-1 (render 3)</p>');
      expect(renders()).toBe(3);
    });

    it('hands an early answer the same copy, by path and stamp, and nothing when disabled', async () => {
      const cache = new KeptPages({ enabled: true, sessionCookie: SESSION });
      const { handle } = stampedSite(cache);
      expect(cache.copyOf('/lesson', 'state-1')).toBeUndefined();
      await handle(get('/lesson'), 'state-1');
      const kept = cache.copyOf('/lesson', 'state-1')!;
      expect(new TextDecoder().decode(kept.body)).toBe('<p>state-1 (render 1)</p>');
      expect(kept.status).toBe(200);
      expect(new Headers(kept.headers).get('content-type')).toBe('text/html');
      expect(cache.copyOf('/lesson', 'state-2')).toBeUndefined();
      expect(cache.copyOf('/other', 'state-1')).toBeUndefined();
      expect(
        new KeptPages({ enabled: false, sessionCookie: SESSION }).copyOf('/lesson', 'state-1'),
      ).toBeUndefined();
    });

    it('neither serves nor keeps a query string, a one-time notice or a POST', async () => {
      const cache = new KeptPages({ enabled: true, sessionCookie: SESSION });
      const { handle, renders } = stampedSite(cache);
      await handle(get('/lesson?enrolled'), 's');
      await handle(get('/lesson?enrolled'), 's');
      await handle(get('/lesson'), 's', { signedIn: true, hasNotice: true });
      await handle(new Request('http://site.test/lesson', { method: 'POST' }), 's');
      expect(renders()).toBe(4);
      expect(cache.size).toBe(0);
    });

    it('drops the least recently used copy past maxBytes', async () => {
      const cache = new KeptPages({ enabled: true, sessionCookie: SESSION, maxBytes: 70 });
      const { handle, renders } = stampedSite(cache);
      await handle(get('/a'), 'x'); // 23 bytes each
      await handle(get('/b'), 'x');
      await handle(get('/c'), 'x');
      expect(cache.size).toBe(3);
      await handle(get('/a'), 'x'); // used again: /b is now the oldest
      await handle(get('/d'), 'x');
      expect(cache.size).toBe(3);
      expect(cache.bytes).toBeLessThanOrEqual(70);
      expect(renders()).toBe(4);
      await handle(get('/a'), 'x');
      expect(renders()).toBe(4);
      await handle(get('/b'), 'x');
      expect(renders()).toBe(5);
      // A page larger than the whole bound is answered, not kept (and drops nothing).
      const huge = 'x'.repeat(100);
      expect(await handle(get('/huge'), huge)).toBe(`<p>${huge} (render 6)</p>`);
      await handle(get('/huge'), huge);
      expect(renders()).toBe(7);
      expect(cache.size).toBe(3);
    });

    it('compresses a copy once per encoding, keeps it with the copy and counts its bytes', async () => {
      const cache = new KeptPages({ enabled: true, sessionCookie: SESSION });
      const { handle } = stampedSite(cache);
      const long = 'a lesson worth compressing. '.repeat(100);
      await handle(get('/lesson'), long);
      const html = cache.copyOf('/lesson', long)!.body;
      const before = cache.bytes;
      const [br, brAgain] = await Promise.all([
        cache.copyOf('/lesson', long)!.encoded('br'),
        cache.copyOf('/lesson', long)!.encoded('br'),
      ]);
      expect(brAgain).toBe(br);
      expect(brotliDecompressSync(br)).toEqual(Buffer.from(html));
      expect(br.byteLength).toBeLessThan(html.byteLength / 10);
      const gzipped = await cache.copyOf('/lesson', long)!.encoded('gzip');
      expect(gunzipSync(gzipped)).toEqual(Buffer.from(html));
      expect(cache.bytes).toBe(before + br.byteLength + gzipped.byteLength);
      expect(await cache.copyOf('/lesson', long)!.encoded('br')).toBe(br);
    });

    it('makes room for compressed forms too, never by dropping the copy just compressed', async () => {
      // Random text, which compresses to about three quarters of its size.
      const long = randomBytes(1_500).toString('base64');
      const cache = new KeptPages({ enabled: true, sessionCookie: SESSION, maxBytes: 4_100 });
      const { handle } = stampedSite(cache);
      await handle(get('/a'), long);
      await handle(get('/b'), long);
      expect(cache.size).toBe(2);
      // /a is the older copy; compressing /b's HTML pushes the total past the bound.
      await cache.copyOf('/b', long)!.encoded('gzip');
      expect(cache.size).toBe(1);
      expect(cache.copyOf('/b', long)).toBeDefined();
      expect(cache.bytes).toBeLessThanOrEqual(4_100);
      // A dropped copy takes its compressed forms' bytes with it.
      await handle(get('/c'), long);
      await handle(get('/d'), long);
      expect(cache.copyOf('/b', long)).toBeUndefined();
      expect(cache.bytes).toBe(
        2 * new TextEncoder().encode(`<p>${long} (render 3)</p>`).byteLength,
      );
    });
  });
});

describe('keepableRequest', () => {
  const plain = { method: 'GET', pathname: '/courses/x', search: '', hasNotice: false };

  it('takes a plain GET of a clean path', () => {
    expect(keepableRequest(plain)).toBe(true);
  });

  it.each([
    ['a POST', { method: 'POST' }],
    ['a HEAD', { method: 'HEAD' }],
    ['a query string', { search: '?quiz=a&answer=1' }],
    ['a one-time notice', { hasNotice: true }],
    ['an encoded path', { pathname: '/courses/%78' }],
    ['a doubled slash', { pathname: '/courses//x' }],
  ])('refuses %s', (_, change) => {
    expect(keepableRequest({ ...plain, ...change })).toBe(false);
  });
});
