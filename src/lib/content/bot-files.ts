import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { lintBot, parseBot, parseExercise } from '~/lib/bot/index.ts';
import type { Bot, Exercise, Problem } from '~/lib/bot/types.ts';
import { problemAt, type ContentProblem } from './problems';

export type BotFile =
  | { id: string; kind: 'bot'; source: string; bot: Bot }
  | { id: string; kind: 'exercise'; source: string; exercise: Exercise };

const isExercise = (text: string) => /^kind:\s*exercise\s*$/m.test(text);

/**
 * Parses and lints one file of content/bots/. Returns the usable bot or exercise (null when it
 * has errors) and every problem with its line and column. Problems are in English whatever the
 * file's `language:` (which is its audience's): the build and `npm run check` speak to
 * instructors, in one language across every file they report on.
 */
export function readBotFile(id: string, text: string): { file: BotFile | null; problems: Problem[] } {
  if (isExercise(text)) {
    const { exercise, problems } = parseExercise(text, 'en');
    const idProblem = exercise && exercise.id !== id ? [{ ...idMismatch(exercise.id, id) }] : [];
    return { file: exercise && !idProblem.length ? { id, kind: 'exercise', source: text, exercise } : null, problems: [...problems, ...idProblem] };
  }
  const { bot, problems, sourceMap } = parseBot(text, 'en');
  const all = bot ? [...problems, ...lintBot(bot, sourceMap, { language: 'en' })] : problems;
  if (bot && bot.id !== id) all.push(idMismatch(bot.id, id));
  const usable = bot && !all.some((p) => p.severity === 'error');
  return { file: usable ? { id, kind: 'bot', source: text, bot } : null, problems: all };
}

function idMismatch(declared: string, fileId: string): Problem {
  return { line: 1, column: 1, severity: 'error', rule: 'id', message: `id "${declared}" must match the file name "${fileId}.yaml"` };
}

/** Reads every bot and exercise under `dir`. */
export function readBotFiles(dir: string): { id: string; path: string; file: BotFile | null; problems: Problem[] }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const id = basename(name, '.yaml');
      return { id, path, ...readBotFile(id, readFileSync(path, 'utf8')) };
    });
}

/**
 * Content check for content/bots/: parse and lint problems with file:line, exercises whose
 * starter is missing. Returns each file's kind by id (null when broken), for lessons' references.
 */
export function checkBotFiles(dir: string, rel: (path: string) => string, problems: ContentProblem[]): Map<string, 'bot' | 'exercise' | null> {
  const files = readBotFiles(dir);
  // null: the file exists but has errors, reported in the file itself and not again where it is used.
  const kinds = new Map(files.map((f) => [f.id, f.file?.kind ?? null] as const));
  for (const entry of files) {
    for (const p of entry.problems) problems.push(problemAt(rel(entry.path), p, p.message, p.severity));
    if (entry.file?.kind === 'exercise' && !['bot', null].includes(kinds.get(entry.file.exercise.starter) ?? 'missing')) {
      problems.push(problemAt(rel(entry.path), { line: 1, column: 1 }, `starter: no working bot "${entry.file.exercise.starter}" in content/bots/`));
    }
  }
  return kinds;
}
