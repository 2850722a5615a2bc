import type { z } from 'astro/zod';
import type { Translate } from '~/lib/i18n/translate';

/**
 * The one way a page reads a form post: the body capped (413), a form content type required
 * (400 for JSON and the like: these pages only take their own forms), every field validated by
 * one zod schema, and errors mapped to the field they belong to, with what the person typed kept
 * for the re-rendered form.
 */

export type FieldErrors = Record<string, string>;

export type FormInput<T> =
  | { ok: true; data: T }
  | { ok: false; status: 422; errors: FieldErrors; values: Record<string, string> }
  | { ok: false; status: 400 | 413; errors: FieldErrors; values: Record<string, string> };

/** Forms are small; an upload (CSV import) passes a larger cap. */
export const DEFAULT_FORM_BYTES = 64 * 1024;

export async function readFormInput<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes = DEFAULT_FORM_BYTES,
): Promise<FormInput<T>> {
  const empty = { errors: {}, values: {} };
  // The original header, not a lower-cased copy: a multipart boundary is case-sensitive.
  const contentType = request.headers.get('content-type') ?? '';
  const type = contentType.toLowerCase();
  if (
    !type.startsWith('application/x-www-form-urlencoded') &&
    !type.startsWith('multipart/form-data')
  )
    return { ok: false, status: 400, ...empty };
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (length > maxBytes) return { ok: false, status: 413, ...empty };
  let form: FormData;
  try {
    const body = await request.arrayBuffer();
    if (body.byteLength > maxBytes) return { ok: false, status: 413, ...empty };
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { ok: false, status: 400, ...empty };
  }
  const raw: Record<string, FormDataEntryValue> = {};
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    raw[key] = value;
    if (typeof value === 'string') values[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  return { ok: false, status: 422, errors, values };
}

/**
 * The plain answer to a post that is not a usable form (wrong type, too large, unreadable), in
 * the person's language: never a stack trace.
 */
export function unusableForm(status: 400 | 413, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * For endpoints whose forms are all ours (no fields a person types): a post that is not a usable
 * form, or one that fails the schema, is a crafted request and gets a plain 400 (413 when too large).
 * @example
 * const input = await readFormInput(request, EnrollForm);
 * if (!input.ok) return refuseForm(input, locals.t);
 */
export function refuseForm(input: { status: 400 | 413 | 422 }, t: Translate): Response {
  return input.status === 413
    ? unusableForm(413, t('error.form-too-large'))
    : unusableForm(400, t('error.bad-request'));
}
