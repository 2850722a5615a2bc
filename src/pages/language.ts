import type { APIRoute } from 'astro';
import { setUserLocale } from '~/lib/auth/preferences';
import { safeNextPath } from '~/lib/http/redirect';
import { isLocale, localePath, splitLocale } from '~/lib/i18n/locales';
import { LOCALE_COOKIE, localeCookieOptions } from '~/lib/i18n/preference';
import { plainResponse } from '~/server/forms';
import { getDb, secureCookies } from '~/server/runtime';

/**
 * The language switch: remembers the choice (cookie, and the profile when signed in), then shows
 * the same page in that language.
 */
export const POST: APIRoute = async ({ request, locals, cookies, redirect }) => {
  const form = await request.formData().catch(() => new FormData());
  const locale = form.get('locale');
  if (!isLocale(locale)) return plainResponse(400, locals.t('error.bad-request'));
  const next = splitLocale(safeNextPath(form.get('next'), '/')).path;
  cookies.set(LOCALE_COOKIE, locale, localeCookieOptions(secureCookies));
  if (locals.user) await setUserLocale(await getDb(), locals.user.id, locale);
  // Checked again after the locale is put back: "/es//evil.example" minus "/es" is "//evil.example".
  return redirect(safeNextPath(localePath(locale, next), localePath(locale, '/')), 303);
};
