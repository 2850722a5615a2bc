import compression from 'compression';
import Negotiator from 'negotiator';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Answers are compressed for clients that accept it: most learners arrive on phones, often on slow
 * networks, and a lesson's 46 KB of HTML is about 12 KB in brotli. Two ways, with the same settings
 * and the same negotiation (the `compression` middleware's, through `negotiator`):
 * - `compressAnswers` compresses what the framework renders and the built files, as it is sent;
 * - a kept page (src/lib/http/kept-pages.ts) is compressed once per copy and encoding with
 *   `encodeBody`, so answering it again costs nothing more.
 * A reverse proxy in front leaves an answer that is already encoded as it is.
 *
 * Compressing over HTTPS leaks the length of a page that mixes a secret with text an attacker
 * chooses (BREACH). No page here carries a secret: the session and a reset link's token live only
 * in HttpOnly cookies, and form posts are checked by origin rather than by a token in the page.
 * A page that ever carries one must set `Cache-Control: no-transform`, which the middleware honours.
 */
export type ContentEncoding = 'br' | 'gzip';

/**
 * Brotli 5 and gzip 6: about 1 ms for a 36 KB course page, and within 5% of the smallest brotli
 * (quality 11 takes 25 to 40 ms a page).
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;
/** Smaller bodies gain less than the encoding's headers cost (the middleware's own default). */
const THRESHOLD_BYTES = 1024;

/**
 * What is worth compressing as it is sent: pages, styles, scripts, SVG, XML and CSV. Not short
 * answers (plain text, the bots' JSON replies) nor bodiless statuses (204, redirects, 304): a
 * compression stream costs 0.1 to 0.2 ms of CPU to set up whatever it then compresses, and the
 * framework streams its answers without a length, so the size threshold cannot tell them apart.
 */
function worthCompressing(status: number, contentType: string | null): boolean {
  if (status === 204 || (status >= 300 && status < 400)) return false;
  return contentType !== null && COMPRESSED_TYPES.test(contentType);
}
const COMPRESSED_TYPES =
  /^\s*(?:text\/(?:html|css|javascript|csv)|application\/(?:javascript|xml|xhtml\+xml)|image\/svg\+xml)\s*(?:;|$)/i;

export const compressAnswers = compression({
  level: GZIP_LEVEL,
  threshold: THRESHOLD_BYTES,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  filter: (_, response) => {
    const type = response.getHeader('Content-Type');
    return worthCompressing(response.statusCode, typeof type === 'string' ? type : null);
  },
});

/** negotiator 0.6.4 breaks ties in q by a preference order, which its published types predate. */
interface WithPreference {
  encoding(available: readonly string[], preferred: readonly string[]): string | undefined;
}

/** What the middleware would choose, in its order of preference (brotli, then gzip). */
const OFFERED = ['br', 'gzip', 'identity'];
const PREFERRED = ['br', 'gzip'];

/**
 * Whether a request takes part in compression at all. One without Accept-Encoding (a script, a
 * load generator) is answered as it is and never enters the middleware: it asked for nothing, so
 * there is nothing to negotiate and no Vary to add.
 */
export const asksForEncoding = (acceptEncoding: string | string[] | undefined): boolean =>
  acceptEncoding !== undefined;

/**
 * The encoding to send `acceptEncoding`'s client: 'identity' when it asks for none of ours or
 * refuses everything (where the middleware too sends the body as it is).
 */
export function negotiateEncoding(
  acceptEncoding: string | string[] | undefined,
): ContentEncoding | 'identity' {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(', ') : acceptEncoding;
  const negotiator = new Negotiator({
    headers: header === undefined ? {} : { 'accept-encoding': header },
  }) as unknown as WithPreference;
  const chosen = negotiator.encoding(OFFERED, PREFERRED);
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
}

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * Whether a kept answer is encoded at all, by the middleware's rules: a type worth compressing, not
 * a body too short to gain, nor one whose Cache-Control says `no-transform`.
 */
export function mayEncode(answer: {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}): boolean {
  if (answer.body.byteLength < THRESHOLD_BYTES) return false;
  const header = (name: string) =>
    answer.headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
  if (!worthCompressing(answer.status, header('content-type'))) return false;
  return !NO_TRANSFORM.test(header('cache-control') ?? '');
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** `body` encoded, off the main thread (zlib's pool): a copy is encoded once and sent many times. */
export async function encodeBody(body: Uint8Array, encoding: ContentEncoding): Promise<Uint8Array> {
  return encoding === 'br'
    ? brotliAsync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipAsync(body, { level: GZIP_LEVEL });
}
