import { loginRedirect } from '~/lib/http/redirect';
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { enrollFree } from '~/lib/enrollment/enrollment';
import { isLocale, localePath } from '~/lib/i18n/locales';
import { errorMessage } from '~/lib/i18n/translate';
import { getCurriculum } from '~/server/catalog';
import { readFormInput, refuseForm } from '~/server/form-input';
import { plainResponse } from '~/server/forms';
import { getDb } from '~/server/runtime';

const EnrollForm = z.object({ course: z.string().max(200), locale: z.string().refine(isLocale) });

/** One-click enrollment in a free course, then straight to its first lesson, which confirms it. */
export const POST: APIRoute = async ({ request, locals, redirect }) => {
  const t = locals.t;
  const input = await readFormInput(request, EnrollForm);
  if (!input.ok) return refuseForm(input, t);
  const form = input.data;
  const locale = isLocale(form.locale) ? form.locale : locals.locale;
  const coursePath = localePath(locale, `/courses/${form.course}`);
  if (!locals.user) return loginRedirect(locale, coursePath, { status: 303 });
  const curriculum = await getCurriculum(form.course, locale);
  if (!curriculum) return plainResponse(404, t('error.course-not-found'));
  const result = await enrollFree(await getDb(), locals.user.id, {
    slug: curriculum.slug,
    price: curriculum.course.price,
  });
  if (!result.ok) return plainResponse(400, errorMessage(t, result.error));
  const first = curriculum.lessons[0];
  // `enrolled` has the first lesson say so, once, where the learner lands.
  const welcome = result.value.created ? '?enrolled=1' : '';
  return redirect(
    first
      ? `${localePath(locale, `/courses/${curriculum.slug}/lessons/${first.slug}`)}${welcome}`
      : coursePath,
    303,
  );
};
