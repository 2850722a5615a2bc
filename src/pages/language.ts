import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { setUserLocale } from '~/lib/auth/preferences';
import { safeNextPath } from '~/lib/http/redirect';
import { LOCALES, localePath, splitLocale } from '~/lib/i18n/locales';
import { LOCALE_COOKIE, localeCookieOptions } from '~/lib/i18n/preference';
import { readFormInput, refuseForm } from '~/server/form-input';
import { getDb, secureCookies } from '~/server/runtime';

/**
 * The language switch: remembers the choice (cookie, and the profile when signed in), then shows
 * the same page in that language.
 */
const LanguageForm = z.object({ locale: z.enum(LOCALES), next: z.string().max(2000).optional() });

export const POST: APIRoute = async ({ request, locals, cookies, redirect }) => {
  const input = await readFormInput(request, LanguageForm);
  if (!input.ok) return refuseForm(input, locals.t);
  const { locale } = input.data;
  const next = splitLocale(safeNextPath(input.data.next, '/')).path;
  cookies.set(LOCALE_COOKIE, locale, localeCookieOptions(secureCookies));
  if (locals.user) await setUserLocale(await getDb(), locals.user.id, locale);
  // Checked again after the locale is put back: "/es//evil.example" minus "/es" is "//evil.example".
  return redirect(safeNextPath(localePath(locale, next), localePath(locale, '/')), 303);
};
