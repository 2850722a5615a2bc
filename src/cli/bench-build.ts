import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchRow } from '../lib/bench/report';

/**
 * Build time at scale: a copy of the project is built as it is (the demo courses, the reference
 * from the same run), then again with a generated course of `lessons` more lessons. The generated
 * lessons are the demo course's own lessons (text, quizzes, sandbox bots, playgrounds) under new
 * names, spread over its modules, so each one costs what a real lesson costs to compile and check.
 */
const SOURCE_COURSE = 'chatbots-for-organizing';
const GENERATED_COURSE = 'bench-generated';
const COPIED = [
  'src',
  'db',
  'public',
  'content',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
];

/** Replaces a top-level `key: value` line of a lesson's frontmatter. */
const setField = (frontmatter: string, key: string, value: string) =>
  frontmatter.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);

export function generateCourse(root: string, lessons: number): void {
  const source = join(root, 'content/courses', SOURCE_COURSE);
  const target = join(root, 'content/courses', GENERATED_COURSE);
  mkdirSync(join(target, 'lessons'), { recursive: true });
  const course = readFileSync(join(source, 'course.yaml'), 'utf8');
  writeFileSync(
    join(target, 'course.yaml'),
    course.replace(/^title: .*$/m, 'title: "Generated course for the build benchmark"'),
  );
  const modules = [...course.matchAll(/\{ id: ([a-z0-9-]+),/g)].map((m) => m[1]!);
  const originals = readdirSync(join(source, 'lessons'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(join(source, 'lessons', f), 'utf8'));
  if (modules.length === 0 || originals.length === 0)
    throw new Error(`${SOURCE_COURSE} has no modules or lessons to copy`);
  for (let i = 0; i < lessons; i++) {
    const text = originals[i % originals.length]!;
    const end = text.indexOf('\n---', 3);
    let frontmatter = text.slice(0, end);
    frontmatter = setField(frontmatter, 'module', modules[i % modules.length]!);
    frontmatter = setField(frontmatter, 'order', String(Math.floor(i / modules.length) + 1));
    frontmatter = setField(frontmatter, 'title', `"Generated lesson ${i + 1}"`);
    writeFileSync(
      join(target, 'lessons', `generated-${String(i + 1).padStart(4, '0')}.mdx`),
      frontmatter + text.slice(end),
    );
  }
}

function timedBuild(root: string): number {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--force'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  if (result.status !== 0)
    throw new Error(`the build failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
  return (performance.now() - started) / 1000;
}

export function benchBuild(lessons: number, log: (line: string) => void): BenchRow[] {
  const root = mkdtempSync(join(tmpdir(), 'botcamp-bench-build-'));
  try {
    for (const entry of COPIED) cpSync(resolve(entry), join(root, entry), { recursive: true });
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
    log('build: the demo courses (once to warm the file cache, then timed)…');
    timedBuild(root);
    const demo = timedBuild(root);
    generateCourse(root, lessons);
    log(`build: the demo courses and ${lessons.toLocaleString('en-US')} generated lessons…`);
    const large = timedBuild(root);
    const built = readdirSync(join(root, 'dist/server/chunks')).filter((f) =>
      f.startsWith('generated-'),
    ).length;
    if (built < lessons)
      throw new Error(`the build holds ${built} of the ${lessons} generated lessons`);
    return [
      {
        group: 'build',
        measure: `demo plus ${lessons.toLocaleString('en-US')} generated lessons`,
        value: large,
        unit: 's',
        reference: { label: 'demo alone', value: demo },
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
