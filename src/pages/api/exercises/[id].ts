import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { lintSource, MAX_DRAFT_LENGTH, runExercise, saveDraft } from '~/lib/sandbox/exercise-attempts';
import { canUseStoredBot, getExercise } from '~/server/bots';
import { json, readJson } from '~/server/json';
import { getDb } from '~/server/runtime';

const ExerciseRequest = z.object({ action: z.enum(['lint', 'save', 'run']), source: z.string().max(MAX_DRAFT_LENGTH * 2) });

/**
 * The playground's server side: lint a flow as the learner types (returns the parsed bot so the
 * browser can chat with it), save the draft, and run the scripted checks that decide a pass.
 */
export const POST: APIRoute = async ({ params, request, url, locals }) => {
  const read = await readJson(request, url);
  if (!read.ok) return read.response;
  const input = ExerciseRequest.safeParse(read.body);
  if (!input.success) return json({ error: 'bad-request' }, 400);
  const found = await getExercise(params.id ?? '');
  if (!found) return json({ error: 'exercise-not-found' }, 404);
  const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
  if (!viewer) return json({ error: 'login-required' }, 401);
  if (!(await canUseStoredBot(viewer, found.exercise.id))) return json({ error: 'not-enrolled' }, 403);
  const db = getDb();
  const { action, source } = input.data;
  if (action === 'lint') return json(lintSource(source));
  if (action === 'save') {
    const saved = saveDraft(db, viewer.id, found.exercise.id, source);
    return saved.ok ? json({ saved: true }) : json({ error: saved.error }, 400);
  }
  const run = runExercise(db, viewer.id, found.exercise, source);
  return run.ok ? json(run.value) : json({ error: run.error }, 400);
};
