import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { acceptValues } from '~/lib/auth/account';
import { safeNextPath } from '~/lib/http/redirect';
import { getValuesPage } from '~/server/catalog';
import { readFormInput, refuseForm } from '~/server/form-input';
import { plainResponse } from '~/server/forms';
import { getDb } from '~/server/runtime';

const ValuesForm = z.object({
  version: z.coerce.number().int().positive(),
  return: z.string().max(2000).optional(),
});

/** Records that the signed-in person accepted the current participation values. */
export const POST: APIRoute = async ({ request, locals, redirect }) => {
  const t = locals.t;
  const input = await readFormInput(request, ValuesForm);
  if (!input.ok) return refuseForm(input, t);
  const form = input.data;
  const current = (await getValuesPage())?.data.version;
  if (form.version !== current) return plainResponse(400, t('error.bad-request'));
  if (!locals.user) return plainResponse(401, t('error.login-required'));
  await acceptValues(await getDb(), locals.user.id, form.version);
  return redirect(safeNextPath(form.return, '/dashboard'), 303);
};
