import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { invalidateAllSessions } from '~/lib/auth/session';
import { localePath } from '~/lib/i18n/locales';
import { readFormInput } from '~/server/form-input';
import { getDb } from '~/server/runtime';
import { endSession } from '~/server/session-cookie';

const LogoutForm = z.object({ scope: z.enum(['this', 'everywhere']).default('this') });

/**
 * Logs out this browser, or every session of the person with `scope=everywhere`. POST only. A
 * body that cannot be read still logs this browser out: leaving must always work.
 */
export const POST: APIRoute = async ({ request, locals, cookies, redirect }) => {
  const input = await readFormInput(request, LogoutForm);
  if (locals.user && input.ok && input.data.scope === 'everywhere')
    await invalidateAllSessions(await getDb(), locals.user.id);
  await endSession(cookies, locals.session?.id);
  return redirect(localePath(locals.locale, '/'), 303);
};
