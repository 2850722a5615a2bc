import type { APIRoute } from 'astro';
import { invalidateAllSessions } from '~/lib/auth/session';
import { localePath } from '~/lib/i18n/locales';
import { getDb } from '~/server/runtime';
import { endSession } from '~/server/session-cookie';

/** Logs out this browser, or every session of the person with `scope=everywhere`. POST only. */
export const POST: APIRoute = async ({ request, locals, cookies, redirect }) => {
  const form = await request.formData().catch(() => new FormData());
  if (locals.user && form.get('scope') === 'everywhere') await invalidateAllSessions(await getDb(), locals.user.id);
  await endSession(cookies, locals.session?.id);
  return redirect(localePath(locals.locale, '/'), 303);
};
