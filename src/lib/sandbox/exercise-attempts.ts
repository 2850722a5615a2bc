import { and, eq } from 'drizzle-orm';
import { parseBot, lintBot, runScript } from '~/lib/bot/index.ts';
import type { CheckResult, Exercise, Problem } from '~/lib/bot/types.ts';
import type { Db } from '~/lib/db';
import type { Result } from '~/lib/result';
import { exerciseResults } from '~db/schema';

/** Largest flow a learner may save (a generous bot is a few kilobytes). */
export const MAX_DRAFT_LENGTH = 50_000;

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

export function getExerciseState(db: Db, userId: number, exerciseId: string): ExerciseState {
  const row = db
    .select({ draft: exerciseResults.draft, passedAt: exerciseResults.passedAt })
    .from(exerciseResults)
    .where(and(eq(exerciseResults.userId, userId), eq(exerciseResults.exerciseId, exerciseId)))
    .get();
  return row ?? { draft: null, passedAt: null };
}

/** Saves the learner's flow without judging it (autosave while they type). */
export function saveDraft(db: Db, userId: number, exerciseId: string, draft: string, now: Date = new Date()): Result<void, 'draft-too-long'> {
  if (draft.length > MAX_DRAFT_LENGTH) return { ok: false, error: 'draft-too-long', field: 'source' };
  db.insert(exerciseResults)
    .values({ userId, exerciseId, draft, updatedAt: now })
    .onConflictDoUpdate({ target: [exerciseResults.userId, exerciseResults.exerciseId], set: { draft, updatedAt: now } })
    .run();
  return { ok: true, value: undefined };
}

/**
 * Parses the learner's flow, lints it and runs the exercise's scripted checks, on the server:
 * the browser's own verdict is never trusted. Passing records the exercise as done (once); the
 * draft is saved either way.
 */
export function runExercise(db: Db, userId: number, exercise: Exercise, source: string, now: Date = new Date()): Result<ExerciseRun, 'draft-too-long'> {
  const saved = saveDraft(db, userId, exercise.id, source, now);
  if (!saved.ok) return saved;
  const { bot, problems, sourceMap } = parseBot(source);
  const all = bot ? [...problems, ...lintBot(bot, sourceMap)] : problems;
  if (!bot || all.some((p) => p.severity === 'error')) return { ok: true, value: { problems: all, checks: [], passed: false, firstPass: false } };
  const result = runScript(bot, exercise);
  const passed = result.checks.every((c) => c.passed);
  let firstPass = false;
  if (passed) {
    const before = getExerciseState(db, userId, exercise.id);
    firstPass = before.passedAt === null;
    if (firstPass) db.update(exerciseResults).set({ passedAt: now }).where(and(eq(exerciseResults.userId, userId), eq(exerciseResults.exerciseId, exercise.id))).run();
  }
  return { ok: true, value: { problems: all, checks: result.checks, passed, firstPass } };
}

/** Lints a flow for the editor's inline messages, without saving or judging it. */
export function lintSource(source: string): { problems: Problem[]; bot: ReturnType<typeof parseBot>['bot'] } {
  if (source.length > MAX_DRAFT_LENGTH) return { problems: [{ line: 1, column: 1, severity: 'error', rule: 'size', message: `The flow is longer than ${MAX_DRAFT_LENGTH} characters.` }], bot: null };
  const { bot, problems, sourceMap } = parseBot(source);
  return { problems: bot ? [...problems, ...lintBot(bot, sourceMap)] : problems, bot };
}
