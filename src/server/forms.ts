import type { z } from 'astro/zod';

/**
 * Reads a form post and validates it; `null` for a body that is not a form or fails the schema
 * (endpoints answer 400: these forms are ours, so bad input means a crafted request).
 */
export async function readForm<T>(request: Request, schema: z.ZodType<T>): Promise<T | null> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const result = schema.safeParse(Object.fromEntries(form));
  return result.success ? result.data : null;
}

/** A short plain-text answer for requests a person should not normally see (bad or forbidden posts). */
export function plainResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
