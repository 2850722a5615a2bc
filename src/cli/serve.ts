import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https';
import { databaseConfig, openDatabase } from '../lib/db/index.ts';
import { paymentsFrom } from '../lib/payments/stripe-client.ts';
import {
  CLIENT_ADDRESS_HEADER,
  parseTrustedProxies,
  realClientAddress,
  type TrustedProxies,
} from '../lib/http/client-address.ts';
import { asksForEncoding, compressAnswers } from '../lib/http/compression.ts';
import { earlyAnswerer, sendEarlyAnswer } from '../lib/http/early-answers.ts';
import { DEFAULT_SITE_URL, siteUrlWarning } from '../lib/http/site-url.ts';
import { listStaticFiles, sendStaticFile, staticFileFor } from '../lib/http/static-files.ts';

/**
 * `npm run serve`: starts the built server the way production should. The database is opened,
 * migrated (under a lock, so servers started together take turns) and checked against this
 * code's migrations *before* the port opens, so a server never answers while its database is
 * unusable; it says which database it uses, and exits with a plain message if it cannot.
 * Payment settings are checked the same way (a Stripe key without a webhook secret is refused).
 * SIGTERM (and Ctrl+C) drain: no new connections, requests in flight finish, then exit 0.
 *
 * Node runs this file itself (type stripping), not through tsx: a loader's hooks would run on
 * every dynamic import, and Astro imports the page module on every request. So this file and what
 * it imports use explicit `.ts` extensions and only erasable TypeScript.
 */
const DRAIN_LIMIT_MS = 15_000;

let trustedProxies: TrustedProxies;
try {
  const parsed = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  if (!parsed.ok) throw new Error(parsed.error);
  trustedProxies = parsed.proxies;
  console.info(`botcamp: trusted proxies: ${trustedProxies.description}`);
  const payments = paymentsFrom(process.env);
  console.info(
    `botcamp: online payment: ${payments.enabled ? 'Stripe' : 'off (no STRIPE_SECRET_KEY)'}`,
  );
  // Loud on purpose: a certificate printed with a dead verification link cannot be recalled.
  const siteWarning = siteUrlWarning(process.env);
  const rule = `botcamp: WARNING ${'='.repeat(60)}`;
  if (siteWarning)
    console.warn(
      ['', rule, ...siteWarning.map((line) => `botcamp: WARNING: ${line}`), rule, ''].join('\n'),
    );
  else
    console.info(
      `botcamp: links in e-mails and certificates use ${process.env.SITE_URL?.trim() || DEFAULT_SITE_URL}`,
    );
  const db = await openDatabase(databaseConfig(process.env));
  console.info(`botcamp: database: ${db.label}`);
  await db.close();
} catch (error) {
  console.error(`botcamp: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Tells the app (src/server/client-address.ts) that the header below comes from this server.
process.env.BOTCAMP_CLIENT_ADDRESS_HEADER = CLIENT_ADDRESS_HEADER;
// The adapter runs in middleware mode (astro.config.mjs): it renders pages, and this server owns the
// port and the built files, whose list is known at start.
type AppHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: () => void,
  locals?: Record<string, unknown>,
) => Promise<void>;
const entry = (await import(pathToFileURL(resolve('dist/server/entry.mjs')).href)) as {
  handler: AppHandler;
};
const files = listStaticFiles(resolve('dist/client'));
/** `compressAnswers` around what `send` writes; the middleware is typed for Express's request. */
const compressed = (request: IncomingMessage, response: ServerResponse, send: () => void) =>
  asksForEncoding(request.headers['accept-encoding'])
    ? compressAnswers(request as never, response as never, send)
    : send();

const listener = (request: IncomingMessage, response: ServerResponse) => {
  // Set on every request, replacing any copy the client sent: only this line may speak for the client's address.
  request.headers[CLIENT_ADDRESS_HEADER] = realClientAddress(
    request.socket.remoteAddress,
    request.headers['x-forwarded-for'],
    trustedProxies,
  );
  // On every answer, files included: no MIME sniffing.
  response.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    decodeURI(request.url ?? '/');
  } catch {
    response
      .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('Bad request: the address is not valid.');
    return;
  }
  const file = staticFileFor(files, request.method, request.url);
  if (file) return compressed(request, response, () => sendStaticFile(file, request, response));
  const rendered = (loaded?: Record<string, unknown>) =>
    compressed(request, response, () => void entry.handler(request, response, undefined, loaded));
  const answerEarly = earlyAnswerer();
  if (!answerEarly) return rendered();
  answerEarly(request)
    // An early answer comes compressed already, once per kept copy (src/lib/http/compression.ts).
    .then((outcome) =>
      outcome && 'answer' in outcome
        ? sendEarlyAnswer(response, outcome.answer)
        : rendered(outcome?.loaded),
    )
    // The answerer catches its own errors; this is for a failure while sending, which must not
    // become an unhandled rejection (that ends the process).
    .catch((error: unknown) => {
      console.error(`botcamp: answering ${request.method} ${request.url} failed`, error);
      if (response.headersSent) response.destroy();
      else
        response
          .writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Server error.');
    });
};
const server =
  process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH
    ? createHttpsServer(
        {
          key: readFileSync(process.env.SERVER_KEY_PATH),
          cert: readFileSync(process.env.SERVER_CERT_PATH),
        },
        listener,
      )
    : createServer(listener);
const host = process.env.HOST || 'localhost';
const port = Number(process.env.PORT || 4321);
server.listen(port, host, () =>
  console.info(
    `botcamp: listening on ${server instanceof HttpsServer ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
  ),
);

let draining = false;
function drain(signal: string): void {
  if (draining) return;
  draining = true;
  console.info(`botcamp: ${signal}: finishing requests in flight, then stopping`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    console.warn(`botcamp: requests still open after ${DRAIN_LIMIT_MS} ms; stopping anyway`);
    process.exit(1);
  }, DRAIN_LIMIT_MS).unref();
}
process.on('SIGTERM', () => drain('SIGTERM'));
process.on('SIGINT', () => drain('SIGINT'));
