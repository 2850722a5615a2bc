/**
 * A small, valid content/ tree written to a temporary folder, for the content check tests.
 * Each test gets a fresh tree and changes one file; positions are found by searching the
 * written text, so expectations stay exact without repeating line numbers by hand.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const COURSE_SLUG = 'organizing-basics';
export const INSTRUCTOR_ID = 'ada-organizer';
export const BOT_ID = 'rides-to-polls';
export const FIRST_MODULE = 'getting-started';
export const SECOND_MODULE = 'going-further';
export const QUIZ_ID = 'check-basics';

/** Paths relative to the project root, as the check reports them. */
export const FILES = {
  course: `content/courses/${COURSE_SLUG}/course.yaml`,
  firstLesson: `content/courses/${COURSE_SLUG}/lessons/first-steps.mdx`,
  quizLesson: `content/courses/${COURSE_SLUG}/lessons/second-steps.mdx`,
  lastLesson: `content/courses/${COURSE_SLUG}/lessons/wrap-up.mdx`,
  instructor: `content/instructors/${INSTRUCTOR_ID}.mdx`,
  testimonial: 'content/testimonials/learner-01.yaml',
  values: 'content/pages/participation-values.md',
  bot: `content/bots/${BOT_ID}.yaml`,
} as const;

export type FixtureFile = keyof typeof FILES;

export const FREE_PRICE = 'price:\n  type: free\n';

export const COURSE_YAML = `title: Organizing basics
tagline: A short course that exists only for the tests.
description: Everything a course needs to pass the content check, and nothing more.
language: en
level: beginner
status: live
${FREE_PRICE}outcomes:
  - Pass the content check
modules:
  - id: ${FIRST_MODULE}
    title: Getting started
  - id: ${SECOND_MODULE}
    title: Going further
instructors:
  - ${INSTRUCTOR_ID}
`;

export const FIRST_LESSON_MDX = `---
title: First steps
summary: Where the course begins.
module: ${FIRST_MODULE}
order: 1
duration: 10
preview: true
---

Welcome to the course. Try the bot below, then read [the next lesson](/courses/${COURSE_SLUG}/lessons/second-steps).

<SandboxBot bot="${BOT_ID}" />
`;

export const QUIZ_LESSON_MDX = `---
title: Second steps
summary: A lesson with a knowledge check.
module: ${FIRST_MODULE}
order: 2
duration: 12
quizzes:
  - id: ${QUIZ_ID}
    question: "Which reply stops every text?"
    options: ["HELP", "STOP", "MENU"]
    answer: 1
    explanation: "STOP must always work."
requiresQuiz: true
---

Texting rules matter.

<Quiz id="${QUIZ_ID}" />
`;

export const LAST_LESSON_MDX = `---
title: Wrap up
summary: What to do next.
module: ${SECOND_MODULE}
order: 1
duration: 5
---

You finished. Meet your instructor on [their page](/instructors/${INSTRUCTOR_ID}).
`;

export const INSTRUCTOR_MDX = `---
name: Ada Organizer
role: Trainer
---
Ada has organized tenants for ten years.
`;

export const TESTIMONIAL_YAML = `quote: "A useful course."
name: Sam Learner
course: ${COURSE_SLUG}
sample: true
`;

export const VALUES_MD = `---
title: Participation values
version: 1
effective: 2026-11-01
---
Everyone is welcome who shares these values.
`;

const TEXTS: Record<Exclude<FixtureFile, 'bot'>, string> = {
  course: COURSE_YAML,
  firstLesson: FIRST_LESSON_MDX,
  quizLesson: QUIZ_LESSON_MDX,
  lastLesson: LAST_LESSON_MDX,
  instructor: INSTRUCTOR_MDX,
  testimonial: TESTIMONIAL_YAML,
  values: VALUES_MD,
};

const roots: string[] = [];

/** Writes the valid tree into a new temporary folder and returns that folder (the project root). */
export function writeValidContent(): string {
  const root = mkdtempSync(join(tmpdir(), 'botcamp-content-'));
  roots.push(root);
  for (const [name, text] of Object.entries(TEXTS)) writeFixtureFile(root, FILES[name as FixtureFile], text);
  mkdirSync(join(root, dirname(FILES.bot)), { recursive: true });
  copyFileSync(join(PROJECT_ROOT, FILES.bot), join(root, FILES.bot));
  return root;
}

/** Removes every tree written so far (call from afterEach). */
export function removeContentTrees(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function writeFixtureFile(root: string, file: string, text: string): void {
  mkdirSync(join(root, dirname(file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

export function readFixtureFile(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

/** Replaces `from` (which must occur exactly once) in a file of the tree; returns the new text. */
export function editFixtureFile(root: string, file: string, from: string, to: string): string {
  const text = readFixtureFile(root, file);
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected "${from}" once in ${file}, found ${count}`);
  const next = text.replace(from, () => to);
  writeFixtureFile(root, file, next);
  return next;
}

/**
 * 1-based line and column of `needle` in `text`, plus `shift` characters (to point inside it,
 * e.g. at a value after its key).
 */
export function positionOf(text: string, needle: string, shift = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index + shift);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}
