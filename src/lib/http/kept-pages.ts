import { hash } from 'node:crypto';
import { encodeBody, type ContentEncoding } from './compression';

/**
 * Rendered pages kept and answered again, so a launch evening's thousands of visitors do not each
 * pay for the same render. Correct by construction rather than by invalidation: a copy is used only
 * when the data it was rendered from is what this request's own reads return, so nothing another
 * server writes can make a copy stale, and nothing needs to be told about a change. The rest of
 * what a kept page shows is content and settings, fixed for the life of the process (a new build
 * is a new process). Two ways in:
 *
 * Public pages (the catalog, a course page), for anonymous visitors: a page that may be kept hands
 * `mark` what it read from the database and the function that read it; on every later request
 * `serve` runs that function again and answers from the copy if it returns exactly the same data
 * (compared as JSON).
 *
 * Only anonymous plain GETs are served or kept this way: no session cookie at all (a signed-in page
 * and a dead session's cookie removal are never shared), no one-time notice, no query string (the
 * course page shows checkout errors from it). One copy per path, and only paths a page chose and
 * answered 200 with no cookie set, so what is kept is bounded by the content, not by requests.
 *
 * Pages that read everything they show before they render (the lesson page), for signed-in
 * visitors too: `copyFor` takes the stamp of what was read for this visitor, and a copy rendered
 * from the same stamp is the answer.
 *
 * Copies are dropped least recently used first, past `maxPages` copies or `maxBytes` of HTML
 * (with each copy's compressed forms, made once, the first time a client asks for one).
 */
export interface CachedPageView {
  signedIn: boolean;
  /** A one-time notice is shown on this request (it belongs to this visitor). */
  hasNotice: boolean;
}

interface KeptPage {
  stamp: string;
  /**
   * Reads what the page read from the database, again: the same call the page made. Null for a
   * copy kept by `copyFor`, whose stamp is part of its key.
   */
  read: (() => Promise<unknown>) | null;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
  /** The body compressed, by encoding: made on first request (see `KeptAnswer.encoded`). */
  encoded: Map<ContentEncoding, Promise<Uint8Array>>;
  /** Bytes of the compressed forms made so far, counted against `maxBytes`. */
  encodedBytes: number;
}

/** A kept copy as it is sent: status, headers and the body's bytes. */
export interface KeptAnswer {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  /** The body in `encoding`, compressed once for this copy and kept with it. */
  encoded: (encoding: ContentEncoding) => Promise<Uint8Array>;
}

/**
 * Either way in takes only a plain GET of one path, with no one-time notice for this visitor.
 * Encoded or doubled slashes would let one page be kept under many paths.
 */
export function keepableRequest(request: {
  method: string;
  pathname: string;
  search: string;
  hasNotice: boolean;
}): boolean {
  if (request.method !== 'GET' || request.hasNotice || request.search !== '') return false;
  return !request.pathname.includes('%') && !request.pathname.includes('//');
}

interface Pending {
  key: string;
  stamp: string;
  read: (() => Promise<unknown>) | null;
}

/** What a copy was rendered from, as text; a page's database read is small (a few testimonials). */
const stampOf = (data: unknown) => JSON.stringify(data ?? null);

export class KeptPages {
  readonly #enabled: boolean;
  readonly #sessionCookie: string;
  readonly #maxPages: number;
  readonly #maxBytes: number;
  #bytes = 0;
  readonly #pages = new Map<string, KeptPage>();
  /** Requests whose rendered answer `keep` should store, as `mark` described them. */
  readonly #pending = new WeakMap<Request, Pending>();

  constructor(options: {
    enabled: boolean;
    sessionCookie: string;
    maxPages?: number;
    maxBytes?: number;
  }) {
    this.#enabled = options.enabled;
    this.#sessionCookie = options.sessionCookie;
    this.#maxPages = options.maxPages ?? 2_000;
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  /** How many pages are kept. */
  get size(): number {
    return this.#pages.size;
  }

  /** Bytes of HTML kept. */
  get bytes(): number {
    return this.#bytes;
  }

  #keepable(request: Request, url: URL, view: CachedPageView): boolean {
    return (
      this.#enabled &&
      keepableRequest({
        method: request.method,
        pathname: url.pathname,
        search: url.search,
        hasNotice: view.hasNotice,
      })
    );
  }

  #keyOf(request: Request, url: URL, view: CachedPageView): string | null {
    if (view.signedIn || !this.#keepable(request, url, view)) return null;
    const cookies = request.headers.get('cookie');
    if (
      cookies &&
      cookies.split(';').some((pair) => pair.trim().startsWith(`${this.#sessionCookie}=`))
    )
      return null;
    return url.pathname;
  }

  /**
   * Before the page runs: the kept answer for this request, if the page's own database read gives
   * the same data it was rendered from; otherwise undefined, and the page renders as usual.
   */
  async serve(request: Request, url: URL, view: CachedPageView): Promise<Response | undefined> {
    const key = this.#keyOf(request, url, view);
    if (key === null) return undefined;
    const kept = await this.publicCopy(key);
    return kept && responseOf(kept);
  }

  /**
   * The anonymous copy of the public page at `pathname`, if the page's own database read still
   * gives the data it was rendered from; the caller has checked that the request is keepable and
   * anonymous (`serve` does, through `#keyOf`).
   */
  async publicCopy(pathname: string): Promise<KeptAnswer | undefined> {
    if (!this.#enabled) return undefined;
    const kept = this.#pages.get(pathname);
    if (!kept || kept.read === null) return undefined;
    if (stampOf(await kept.read()) !== kept.stamp) return undefined;
    return this.#answer(pathname, kept);
  }

  /**
   * For a page that has read everything it shows of this visitor before rendering: `stamp` is that
   * data (with who is looking, as far as the page shows it), as text. A copy rendered from the same
   * path and stamp has the bytes this render would have, so it is returned and the page need not
   * render; otherwise the request is marked and `keep` stores what the page renders.
   *
   * Signed-in visitors too, which is safe only because the stamp holds everything the page shows of
   * them: learners in the same state on the same lesson share a copy, a learner whose state differs
   * gets their own. As with `serve`: plain GETs only, no query string, no one-time notice.
   */
  copyFor(request: Request, url: URL, view: CachedPageView, stamp: string): Response | undefined {
    if (!this.#keepable(request, url, view)) return undefined;
    const kept = this.copyOf(url.pathname, stamp);
    if (kept) return responseOf(kept);
    // The key holds the stamp's digest: there is nothing else to compare.
    const key = stampKey(url.pathname, stamp);
    this.#pending.set(request, { key, stamp: key, read: null });
    return undefined;
  }

  /** The copy `copyFor` would answer with, for a request the caller has checked is keepable. */
  copyOf(pathname: string, stamp: string): KeptAnswer | undefined {
    if (!this.#enabled) return undefined;
    const key = stampKey(pathname, stamp);
    const kept = this.#pages.get(key);
    return kept && this.#answer(key, kept);
  }

  /** Marks the copy most recently used, so it is the last to be dropped. */
  #answer(key: string, kept: KeptPage): KeptAnswer {
    this.#pages.delete(key);
    this.#pages.set(key, kept);
    return {
      status: kept.status,
      headers: kept.headers,
      body: new Uint8Array(kept.body),
      encoded: (encoding) => this.#encoded(key, kept, encoding),
    };
  }

  /** Concurrent first requests share one compression; a failed one is not kept, so the next tries again. */
  #encoded(key: string, kept: KeptPage, encoding: ContentEncoding): Promise<Uint8Array> {
    let encoded = kept.encoded.get(encoding);
    if (!encoded) {
      encoded = encodeBody(new Uint8Array(kept.body), encoding).then(
        (bytes) => {
          // Counted only while the copy is still kept: a dropped copy's bytes are gone with it.
          if (this.#pages.get(key) === kept) {
            kept.encodedBytes += bytes.byteLength;
            this.#bytes += bytes.byteLength;
            this.#makeRoom(0, key);
          }
          return bytes;
        },
        (error: unknown) => {
          kept.encoded.delete(encoding);
          throw error;
        },
      );
      kept.encoded.set(encoding, encoded);
    }
    return encoded;
  }

  /**
   * Called by a page that may be kept, with what it read from the database for this render and
   * the function that reads it again (the same call, with this page's parameters).
   */
  mark(
    request: Request,
    url: URL,
    view: CachedPageView,
    page: { data: unknown; read: () => Promise<unknown> },
  ): void {
    const key = this.#keyOf(request, url, view);
    if (key !== null)
      this.#pending.set(request, { key, stamp: stampOf(page.data), read: page.read });
  }

  /** After the page ran: stores the answer of a request the page marked; returns the answer to send. */
  async keep(request: Request, response: Response): Promise<Response> {
    const pending = this.#pending.get(request);
    if (!pending) return response;
    this.#pending.delete(request);
    if (response.status !== 200 || response.headers.has('set-cookie')) return response;
    const body = await response.arrayBuffer();
    const headers = [...response.headers];
    const answer = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
    if (body.byteLength > this.#maxBytes) return answer;
    this.#drop(pending.key);
    this.#makeRoom(body.byteLength);
    this.#bytes += body.byteLength;
    this.#pages.set(pending.key, {
      stamp: pending.stamp,
      read: pending.read,
      status: response.status,
      headers,
      body,
      encoded: new Map(),
      encodedBytes: 0,
    });
    return answer;
  }

  /**
   * Drops the least recently used copies until one more copy of `incoming` bytes fits (or, with 0,
   * until what is kept fits), never the copy at `keep`.
   */
  #makeRoom(incoming: number, keep?: string): void {
    for (const key of this.#pages.keys()) {
      const full =
        (incoming > 0 && this.#pages.size >= this.#maxPages) ||
        this.#bytes + incoming > this.#maxBytes;
      if (!full) return;
      if (key !== keep) this.#drop(key);
    }
  }

  #drop(key: string): void {
    const kept = this.#pages.get(key);
    if (!kept) return;
    this.#bytes -= kept.body.byteLength + kept.encodedBytes;
    this.#pages.delete(key);
  }
}

/** Where a copy rendered for `stamp` is filed: the path, and a digest of the stamp (which may be long). */
function stampKey(pathname: string, stamp: string): string {
  return `${pathname}\n${hash('sha256', stamp, 'base64')}`;
}

/**
 * A kept answer as a Response whose body is a stream over the kept bytes, not the bytes
 * themselves: a Response made from a buffer copies it first.
 */
function responseOf(kept: KeptAnswer): Response {
  const body = kept.body;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
  return new Response(stream, { status: kept.status, headers: kept.headers });
}
