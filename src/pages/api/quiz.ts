import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { findLesson } from '~/lib/course/curriculum';
import { lessonAccess, tracksProgress } from '~/lib/enrollment/access';
import { safeNextPath } from '~/lib/http/redirect';
import { splitLocale } from '~/lib/i18n/locales';
import { isValidChoice, recordQuizAttempt } from '~/lib/progress/quiz';
import { getCurriculum } from '~/server/catalog';
import { readFormInput, refuseForm } from '~/server/form-input';
import { plainResponse } from '~/server/forms';
import { getDb } from '~/server/runtime';

const QuizForm = z.object({
  course: z.string().max(200),
  lesson: z.string().max(200),
  quiz: z.string().max(200),
  answer: z.coerce.number().int().min(0).max(20),
  return: z.string().max(2000).optional(),
});

/**
 * Grades a knowledge check on the server. Enrolled learners' attempts are stored; a preview
 * visitor's answer goes back in the URL and is graded there, never stored.
 */
export const POST: APIRoute = async ({ request, locals, redirect }) => {
  const t = locals.t;
  const input = await readFormInput(request, QuizForm);
  if (!input.ok) return refuseForm(input, t);
  const form = input.data;
  const back = safeNextPath(form.return, '/').split('?')[0] ?? '/';
  const curriculum = await getCurriculum(form.course, splitLocale(back).locale);
  const lesson = curriculum && findLesson(curriculum, form.lesson);
  const quiz = lesson?.data.quizzes.find((q) => q.id === form.quiz);
  if (!curriculum || !lesson || !quiz || !isValidChoice(quiz, form.answer))
    return plainResponse(404, t('error.quiz-not-found'));
  const db = await getDb();
  const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
  const access = await lessonAccess(db.read, viewer, curriculum.slug, lesson.data);
  if (!access.allowed) return plainResponse(403, t('error.not-enrolled'));
  // `quiz` names the check just answered: the lesson page moves focus (and the view) to its result.
  const answered = `quiz=${encodeURIComponent(quiz.id)}`;
  if (!viewer || !tracksProgress(access)) {
    return redirect(`${back}?${answered}&answer=${form.answer}`, 303);
  }
  await recordQuizAttempt(db, {
    userId: viewer.id,
    courseSlug: curriculum.slug,
    lessonSlug: lesson.slug,
    quiz,
    chosen: form.answer,
  });
  return redirect(`${back}?${answered}`, 303);
};
