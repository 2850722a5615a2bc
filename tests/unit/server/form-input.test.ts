import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { readFormInput } from '~/server/form-input';

const schema = z.object({
  email: z.email({ error: 'Enter a valid e-mail address.' }),
  group: z.string().max(5, { error: 'Too long.' }).optional(),
});
const post = (body: BodyInit, type: string | null, extra: Record<string, string> = {}) =>
  new Request('http://localhost/x', {
    method: 'POST',
    body,
    headers: { ...(type ? { 'content-type': type } : {}), ...extra },
  });

describe('readFormInput', () => {
  it('validates a form and returns its data', async () => {
    expect(
      await readFormInput(
        post('email=a%40example.org&group=ab', 'application/x-www-form-urlencoded'),
        schema,
      ),
    ).toEqual({ ok: true, data: { email: 'a@example.org', group: 'ab' } });
  });
  it('maps errors to their fields and keeps what was typed', async () => {
    const result = await readFormInput(
      post('email=nope&group=toolong', 'application/x-www-form-urlencoded'),
      schema,
    );
    expect(result).toEqual({
      ok: false,
      status: 422,
      errors: { email: 'Enter a valid e-mail address.', group: 'Too long.' },
      values: { email: 'nope', group: 'toolong' },
    });
  });
  it('reads multipart bodies, whose boundary is case-sensitive', async () => {
    const form = new FormData();
    form.set('email', 'b@example.org');
    const request = new Request('http://localhost/x', { method: 'POST', body: form });
    expect(request.headers.get('content-type')).toMatch(/boundary=/);
    expect(await readFormInput(request, schema)).toEqual({
      ok: true,
      data: { email: 'b@example.org' },
    });
  });
  it('answers 400 to JSON, 413 to an oversized body, 400 to a broken one', async () => {
    const status = (r: Awaited<ReturnType<typeof readFormInput>>) => (r.ok ? 200 : r.status);
    expect(
      status(await readFormInput(post('{"email":"a@example.org"}', 'application/json'), schema)),
    ).toBe(400);
    expect(
      status(
        await readFormInput(
          post(`email=${'a'.repeat(2_000)}`, 'application/x-www-form-urlencoded'),
          schema,
          1_000,
        ),
      ),
    ).toBe(413);
    expect(
      status(
        await readFormInput(post('--x\r\ngarbage', 'multipart/form-data; boundary=y'), schema),
      ),
    ).toBe(400);
  });
});
