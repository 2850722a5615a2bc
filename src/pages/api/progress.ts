import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { findLesson, neighbours } from '~/lib/course/curriculum';
import { canTrackProgress } from '~/lib/enrollment/access';
import { loginRedirect, safeNextPath } from '~/lib/http/redirect';
import { localePath, splitLocale } from '~/lib/i18n/locales';
import { completeLesson, resetCourseProgress, undoLessonCompletion } from '~/lib/progress/progress';
import { getCurriculum } from '~/server/catalog';
import { readFormInput, refuseForm } from '~/server/form-input';
import { plainResponse } from '~/server/forms';
import { getDb } from '~/server/runtime';

const ProgressForm = z.object({
  intent: z.enum(['complete', 'undo', 'reset']),
  course: z.string().max(200),
  lesson: z.string().max(200).optional(),
  return: z.string().max(2000).optional(),
  /** Erasing progress is only done from its confirmation page, which sends this. */
  confirm: z.literal('erase').optional(),
});

/**
 * Completes or un-completes a lesson, or resets a course, for the signed-in learner only: the
 * user comes from the session, never from the form, so nobody can write another's progress.
 */
export const POST: APIRoute = async ({ request, locals, redirect }) => {
  const t = locals.t;
  const input = await readFormInput(request, ProgressForm);
  if (!input.ok) return refuseForm(input, t);
  const form = input.data;
  const back = safeNextPath(form.return, '/dashboard');
  const { locale } = splitLocale(back.split('?')[0] ?? back);
  if (!locals.user) return loginRedirect(locale, back, { status: 303 });
  const db = await getDb();
  const curriculum = await getCurriculum(form.course, locale);
  if (!curriculum) return plainResponse(404, t('error.course-not-found'));
  const viewer = { id: locals.user.id, role: locals.user.role };
  if (!(await canTrackProgress(db.read, viewer, curriculum.slug)))
    return plainResponse(403, t('error.not-enrolled'));

  if (form.intent === 'reset') {
    if (!form.confirm)
      return redirect(localePath(locale, `/courses/${curriculum.slug}/erase-progress`), 303);
    await resetCourseProgress(db, viewer.id, curriculum.slug);
    return redirect(
      `${localePath(locale, '/dashboard')}?erased=${encodeURIComponent(curriculum.slug)}`,
      303,
    );
  }
  const lesson = form.lesson ? findLesson(curriculum, form.lesson) : undefined;
  if (!lesson) return plainResponse(404, t('error.lesson-not-found'));
  const lessonPath = localePath(locale, `/courses/${curriculum.slug}/lessons/${lesson.slug}`);
  if (form.intent === 'undo') {
    await undoLessonCompletion(db, viewer.id, curriculum.slug, lesson.slug);
    return redirect(lessonPath, 303);
  }
  const result = await completeLesson(
    db,
    viewer.id,
    curriculum.slug,
    {
      slug: lesson.slug,
      requiresQuiz: lesson.data.requiresQuiz,
      quizIds: lesson.data.quizzes.map((q) => q.id),
    },
    new Date(),
    { displayName: locals.user.displayName, lessonSlugs: curriculum.lessons.map((l) => l.slug) },
  );
  // The lesson page puts the message beside the button and moves focus (and the view) to it.
  if (!result.ok) return redirect(`${lessonPath}?error=${result.error}`, 303);
  const { certificate } = result.value;
  if (certificate && result.value.firstTime)
    return redirect(localePath(locale, `/certificates/${certificate.id}?new=1`), 303);
  const { next } = neighbours(curriculum, lesson.slug);
  return redirect(
    next ? localePath(locale, `/courses/${curriculum.slug}/lessons/${next.slug}`) : lessonPath,
    303,
  );
};
