import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The benchmark's reference: `node bench-bare-server.ts PAGES.json PORT` answers each path in
 * PAGES.json with its HTML and does nothing else, which is as fast as Node can serve that page.
 */
const [file, port] = process.argv.slice(2);
const pages = new Map(
  Object.entries(JSON.parse(readFileSync(file!, 'utf8')) as Record<string, string>).map(
    ([path, html]) => [path, Buffer.from(html)],
  ),
);

createServer((request, response) => {
  const body = pages.get(request.url ?? '');
  if (!body) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': body.length });
  response.end(body);
}).listen(Number(port), '127.0.0.1');
