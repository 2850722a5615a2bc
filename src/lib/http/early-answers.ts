import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { KeptAnswer } from './kept-pages';

/**
 * Early answers: a kept page sent straight from the Node server's request handler (src/cli/serve.ts),
 * before the framework builds a Request, matches the route and runs its middleware. For a page whose
 * copy is kept that pipeline is most of the cost of an answer (src/server/early-answers.ts says what
 * is checked instead, with the same functions the middleware uses).
 *
 * The server entry is a separate program from the built app, so the app offers its answerer under a
 * registered symbol when its middleware module loads, and the server asks for it on each request.
 * Until then, and for every request the answerer declines, the framework answers as usual.
 */
const EARLY_ANSWERS = Symbol.for('botcamp.earlyAnswers');

/** The parts of a Node request an early answer may look at. */
export interface EarlyRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

/**
 * What the app makes of a request before the framework runs: a kept answer to send, or what it
 * loaded on the way to finding none (handed to the framework as the request's first locals, so
 * nothing is read twice), or null.
 */
export type EarlyOutcome = { answer: EarlyAnswer } | { loaded: Record<string, unknown> } | null;

/** A kept copy as this request gets it: the status, the headers, and the body in its encoding. */
export type EarlyAnswer = Pick<KeptAnswer, 'status' | 'headers' | 'body'>;

export type EarlyAnswerer = (request: EarlyRequest) => Promise<EarlyOutcome>;

type WithAnswerer = typeof globalThis & { [EARLY_ANSWERS]?: EarlyAnswerer };

export function offerEarlyAnswers(answerer: EarlyAnswerer): void {
  (globalThis as WithAnswerer)[EARLY_ANSWERS] = answerer;
}

export function earlyAnswerer(): EarlyAnswerer | undefined {
  return (globalThis as WithAnswerer)[EARLY_ANSWERS];
}

/** Sends an early answer; headers already set on `response` (by the server) stay unless replaced. */
export function sendEarlyAnswer(response: ServerResponse, answer: EarlyAnswer): void {
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.statusCode = answer.status;
  response.end(answer.body);
}
