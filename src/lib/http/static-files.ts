import { createReadStream, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';

/**
 * The files a build serves as they are (dist/client: bundled CSS and scripts, fonts, public/),
 * listed once when the server starts. A build never changes while its server runs, so a request
 * is a map lookup: a page request never touches the disk looking for a file first, which the
 * Node adapter's own handler did on every page (a failed stat and an error object each time).
 */
export interface StaticFile {
  /** Absolute path on disk. */
  file: string;
  size: number;
  type: string;
  etag: string;
  lastModified: string;
  /** Under /_astro/: the name carries a hash of the content, so it may be cached for a year. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.css': 'text/css; charset=utf-8',
  '.gif': 'image/gif',
  '.html': 'text/html; charset=utf-8',
  '.ico': 'image/x-icon',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webm': 'video/webm',
  '.webmanifest': 'application/manifest+json',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Every file under `root` by the URL path it answers (`/favicon.svg`, `/_astro/x.css`). Dotfiles
 * are left out, except under /.well-known/ (where they are meant to be public).
 */
export function listStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      const urlPath = `/${relative(root, file).split(sep).join('/')}`;
      if (entry.name.startsWith('.') && !urlPath.startsWith('/.well-known')) continue;
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) {
        const stat = statSync(file);
        files.set(urlPath, {
          file,
          size: stat.size,
          type: contentTypeOf(file),
          etag: `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
          lastModified: stat.mtime.toUTCString(),
          immutable: urlPath.startsWith('/_astro/'),
        });
      }
    }
  };
  try {
    walk(root);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  return files;
}

/** The file a GET or HEAD request asks for, if it is one; anything else goes to the pages. */
export function staticFileFor(
  files: ReadonlyMap<string, StaticFile>,
  method: string | undefined,
  url: string | undefined,
): StaticFile | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || !url) return undefined;
  const end = url.search(/[?#]/);
  const encoded = end === -1 ? url : url.slice(0, end);
  try {
    return files.get(decodeURIComponent(encoded));
  } catch {
    return undefined;
  }
}

/** Answers with the file, or 304 when the browser's copy is current. */
export function sendStaticFile(
  file: StaticFile,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  response.setHeader(
    'Cache-Control',
    file.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0',
  );
  response.setHeader('ETag', file.etag);
  response.setHeader('Last-Modified', file.lastModified);
  if (request.headers['if-none-match'] === file.etag) {
    response.writeHead(304).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file.file);
  // The file was listed at start; if it has gone since (a build replaced under a running server),
  // the answer cannot be completed and the connection is closed rather than left hanging.
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
