import type { z } from 'astro/zod';
import { isSameOrigin } from '~/lib/http/origin';
import { siteOrigin } from '~/server/runtime';

/**
 * JSON endpoints are outside the middleware's origin check (it only checks form posts), so each one
 * requires a JSON body, which a cross-site page cannot send without a CORS preflight we never
 * grant, and a same-origin request (see isSameOrigin: a missing Origin is refused too).
 */
export async function readJson(
  request: Request,
  url: URL,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  if (!isSameOrigin(request.headers, [siteOrigin, url.origin]))
    return { ok: false, response: json({ error: 'cross-origin' }, 403) };
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { ok: false, response: json({ error: 'json-required' }, 415) };
  }
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return { ok: false, response: json({ error: 'bad-json' }, 400) };
  }
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * Reads and validates a JSON request in one step: the body through `schema`, with the same
 * answers for every JSON endpoint (403 foreign origin, 415 not JSON, 400 invalid).
 */
export async function readJsonInput<T>(
  request: Request,
  url: URL,
  schema: z.ZodType<T>,
): Promise<{ ok: true; input: T } | { ok: false; response: Response }> {
  const read = await readJson(request, url);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.body);
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, response: json({ error: 'bad-request' }, 400) };
}
