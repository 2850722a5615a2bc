import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { runExercise, saveDraft } from '~/lib/sandbox/exercise-attempts';
import { MAX_DRAFT_LENGTH } from '~/lib/sandbox/flow-check';
import type { FlowError } from '~/lib/sandbox/flow-runner';
import { getExercise, storedBotViewer } from '~/server/bots';
import { json, readJsonInput } from '~/server/json';
import { getDb, getFlowRunner } from '~/server/runtime';
import { sandboxThrottle } from '~/server/sandbox-throttle';

const ExerciseRequest = z.object({
  action: z.enum(['lint', 'save', 'run']),
  source: z.string().max(MAX_DRAFT_LENGTH * 2),
});

/** A flow that overran its limits is the learner's to fix (422); a full queue or a worker that cannot start is ours (503). */
const flowErrorStatus = (error: FlowError | 'draft-too-long'): number =>
  error === 'flow-runner-busy' || error === 'flow-runner-unavailable'
    ? 503
    : error === 'draft-too-long'
      ? 400
      : 422;

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
  const db = await getDb();
  const { action, source } = read.input;
  const throttled = await sandboxThrottle(action, viewer.id);
  if (throttled) return throttled;
  if (action === 'lint') {
    const linted = await getFlowRunner().lint(source, found.exercise.language);
    return linted.ok
      ? json(linted.value)
      : json({ error: linted.error }, flowErrorStatus(linted.error));
  }
  if (action === 'save') {
    const saved = await saveDraft(db, viewer.id, found.exercise.id, source);
    return saved.ok ? json({ saved: true }) : json({ error: saved.error }, 400);
  }
  const run = await runExercise(db, getFlowRunner(), viewer.id, found.exercise, source);
  return run.ok ? json(run.value) : json({ error: run.error }, flowErrorStatus(run.error));
};
