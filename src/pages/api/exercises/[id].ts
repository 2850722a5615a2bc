import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { lintSource, MAX_DRAFT_LENGTH, runExercise, saveDraft } from '~/lib/sandbox/exercise-attempts';
import { getExercise, storedBotViewer } from '~/server/bots';
import { json, readJsonInput } from '~/server/json';
import { getDb } from '~/server/runtime';

const ExerciseRequest = z.object({ action: z.enum(['lint', 'save', 'run']), source: z.string().max(MAX_DRAFT_LENGTH * 2) });

/**
 * The playground's server side: lint a flow as the learner types (returns the parsed bot so the
 * browser can chat with it), save the draft, and run the scripted checks that decide a pass.
 */
export const POST: APIRoute = async ({ params, request, url, locals }) => {
  const read = await readJsonInput(request, url, ExerciseRequest);
  if (!read.ok) return read.response;
  const found = await getExercise(params.id ?? '');
  if (!found) return json({ error: 'exercise-not-found' }, 404);
  const access = await storedBotViewer(locals.user, found.exercise.id);
  if (!access.ok) return access.response;
  const { viewer } = access;
  const db = getDb();
  const { action, source } = read.input;
  if (action === 'lint') return json(lintSource(source));
  if (action === 'save') {
    const saved = saveDraft(db, viewer.id, found.exercise.id, source);
    return saved.ok ? json({ saved: true }) : json({ error: saved.error }, 400);
  }
  const run = runExercise(db, viewer.id, found.exercise, source);
  return run.ok ? json(run.value) : json({ error: run.error }, 400);
};
