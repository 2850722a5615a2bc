import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CheckResult, Exercise, Problem } from '~/lib/bot/types.ts';
import { preparedRead, type Db } from '~/lib/db';
import type { Result } from '~/lib/result';
import { exerciseResults } from '~db/schema';
import { MAX_DRAFT_LENGTH } from './flow-check.ts';
import type { FlowError, FlowRunner } from './flow-runner.ts';

export interface ExerciseState {
  draft: string | null;
  passedAt: Date | null;
}

export interface ExerciseRun {
  problems: Problem[];
  checks: CheckResult[];
  passed: boolean;
  /** True when this run passed for the first time. */
  firstPass: boolean;
}

export async function getExerciseState(
  db: Db,
  userId: number,
  exerciseId: string,
): Promise<ExerciseState> {
  const [row] = await exerciseStateOf(db.read, { userId, exerciseId });
  return row ?? { draft: null, passedAt: null };
}

/** Read on every lesson page with a playground: prepared once (see preparedRead). */
const exerciseStateOf = preparedRead((q) =>
  q
    .select({ draft: exerciseResults.draft, passedAt: exerciseResults.passedAt })
    .from(exerciseResults)
    .where(
      and(
        eq(exerciseResults.userId, sql.placeholder('userId')),
        eq(exerciseResults.exerciseId, sql.placeholder('exerciseId')),
      ),
    )
    .prepare(),
);

/**
 * Saves the learner's flow without judging it (autosave while they type). Committed `relaxed`, as
 * a chat message is (see src/lib/sandbox/conversation.ts): a power cut may lose the last seconds of
 * typing; a pass is recorded durably, with the draft that passed.
 */
export async function saveDraft(
  db: Db,
  userId: number,
  exerciseId: string,
  draft: string,
  now: Date = new Date(),
): Promise<Result<void, 'draft-too-long'>> {
  if (draft.length > MAX_DRAFT_LENGTH)
    return { ok: false, error: 'draft-too-long', field: 'source' };
  await db.write(
    (tx) =>
      tx
        .insert(exerciseResults)
        .values({ userId, exerciseId, draft, updatedAt: now })
        .onConflictDoUpdate({
          target: [exerciseResults.userId, exerciseResults.exerciseId],
          set: { draft, updatedAt: now },
        }),
    { durability: 'relaxed' },
  );
  return { ok: true, value: undefined };
}

/**
 * Lints the learner's flow and runs the exercise's scripted checks, on the server (in the flow
 * runner's worker): the browser's own verdict is never trusted. Passing records the exercise as
 * done (once); the draft is saved either way, before the flow runs.
 */
export async function runExercise(
  db: Db,
  runner: FlowRunner,
  userId: number,
  exercise: Exercise,
  source: string,
  now: Date = new Date(),
): Promise<Result<ExerciseRun, 'draft-too-long' | FlowError>> {
  const saved = await saveDraft(db, userId, exercise.id, source, now);
  if (!saved.ok) return saved;
  const checked = await runner.check(source, exercise);
  if (!checked.ok) return checked;
  const { problems, checks, passed } = checked.value;
  let firstPass = false;
  if (passed) {
    // Only the update that finds no pass recorded yet returns a row: that one is the first pass.
    const marked = await db.write((tx) =>
      tx
        .update(exerciseResults)
        .set({ passedAt: now })
        .where(
          and(
            eq(exerciseResults.userId, userId),
            eq(exerciseResults.exerciseId, exercise.id),
            isNull(exerciseResults.passedAt),
          ),
        )
        .returning({ passedAt: exerciseResults.passedAt }),
    );
    firstPass = marked.length > 0;
  }
  return { ok: true, value: { problems, checks, passed, firstPass } };
}
