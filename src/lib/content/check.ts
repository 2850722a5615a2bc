import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { LOCALES, type Locale } from '~/lib/i18n/locales';
import { courseSchema, instructorSchema, lessonSchema, testimonialSchema, valuesSchema, type Course, type Lesson } from './schemas';
import { parseFrontmatterSource, parseYamlSource, type ParsedSource, type Position } from './source';
import { problemAt, schemaProblems, type ContentProblem } from './problems';
import { checkLessonBody } from './lesson-body';
import { checkBotFiles } from './bot-files';
import { checkCourseTranslation, checkLessonTranslation } from './translations';

interface Parsed<T> {
  file: string;
  source: ParsedSource;
  data: T;
}

/** Names of the files under `dir` ending in `ext`, sorted; none when the folder is missing. */
function filesIn(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Validates everything under content/ the way the build would, plus what spans files: references
 * to instructors, courses and bots, modules and lesson order, quizzes placed, links between pages.
 * Returns problems with file:line:column; an empty list means the content is publishable.
 */
export function checkContent(root: string): ContentProblem[] {
  const contentDir = join(root, 'content');
  const rel = (path: string) => relative(root, path);
  const problems: ContentProblem[] = [];

  function load<T>(path: string, schema: z.ZodType<T>, frontmatter: boolean): (Parsed<T> & { body: string; bodyLine: number }) | null {
    const file = rel(path);
    const text = readFileSync(path, 'utf8');
    const parsed = frontmatter ? parseFrontmatterSource(text) : { ...parseYamlSource(text), body: '', bodyLine: 0 };
    if ('error' in parsed) {
      problems.push(problemAt(file, { line: 1, column: 1 }, parsed.error));
      return null;
    }
    if (parsed.syntaxErrors.length) {
      for (const e of parsed.syntaxErrors) problems.push(problemAt(file, e.position, `YAML syntax: ${e.message}`));
      return null;
    }
    const result = schema.safeParse(parsed.data ?? {});
    if (!result.success) {
      problems.push(...schemaProblems(file, parsed, result.error));
      return null;
    }
    return { file, source: parsed, data: result.data, body: parsed.body, bodyLine: parsed.bodyLine };
  }

  const instructorsDir = join(contentDir, 'instructors');
  const instructorIds = new Set(filesIn(instructorsDir, '.mdx').map((name) => basename(name, '.mdx')));
  for (const name of filesIn(instructorsDir, '.mdx')) load(join(instructorsDir, name), instructorSchema, true);

  const botKinds = checkBotFiles(join(contentDir, 'bots'), rel, problems);

  const coursesDir = join(contentDir, 'courses');
  const courses = new Map<string, Parsed<Course>>();
  const lessonIds = new Set<string>();
  // `translation` is the locale of a translated lesson (lessons/<locale>/), null for an original.
  const lessons: (Parsed<Lesson> & { course: string; translation: Locale | null; body: string; bodyLine: number })[] = [];
  const courseSlugs = existsSync(coursesDir)
    ? readdirSync(coursesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];

  for (const courseSlug of courseSlugs) {
    const courseDir = join(coursesDir, courseSlug);
    const coursePath = join(courseDir, 'course.yaml');
    if (!existsSync(coursePath)) {
      problems.push(problemAt(rel(courseDir), { line: 1, column: 1 }, 'course folder has no course.yaml'));
      continue;
    }
    const course = load(coursePath, courseSchema, false);
    if (course) courses.set(courseSlug, course);
    for (const locale of LOCALES) {
      const translationPath = join(courseDir, `course.${locale}.yaml`);
      const translation = existsSync(translationPath) ? load(translationPath, courseSchema, false) : null;
      if (translation && course) problems.push(...checkCourseTranslation(course, translation));
    }
    const lessonDirs: [string, Locale | null][] = [[join(courseDir, 'lessons'), null]];
    for (const locale of LOCALES) lessonDirs.push([join(courseDir, 'lessons', locale), locale]);
    for (const [dir, translation] of lessonDirs) {
      for (const name of filesIn(dir, '.mdx')) {
        const lesson = load(join(dir, name), lessonSchema, true);
        const id = `${courseSlug}/${translation ? `${translation}/` : ''}${basename(name, '.mdx')}`;
        lessonIds.add(id);
        if (lesson) lessons.push({ ...lesson, course: courseSlug, translation });
      }
    }
  }

  for (const [slug, course] of courses) {
    const at = (path: PropertyKey[]): Position => course.source.locate(path);
    course.data.instructors.forEach((id, i) => {
      if (!instructorIds.has(id)) {
        problems.push(problemAt(course.file, at(['instructors', i]), `instructors: no instructor "${id}" (expected content/instructors/${id}.mdx)`));
      }
    });
    const seen = new Set<string>();
    course.data.modules.forEach((mod, i) => {
      if (seen.has(mod.id)) problems.push(problemAt(course.file, at(['modules', i, 'id']), `modules: module id "${mod.id}" is used twice`));
      seen.add(mod.id);
      const count = lessons.filter((l) => l.course === slug && l.data.module === mod.id && !l.data.draft).length;
      if (count === 0) problems.push(problemAt(course.file, at(['modules', i, 'id']), `modules: module "${mod.id}" has no lessons`, 'warning'));
    });
  }

  const orderSeen = new Map<string, string>();
  for (const lesson of lessons) {
    const course = courses.get(lesson.course);
    if (!course) continue;
    const locale = lesson.translation ? `${lesson.translation}/` : '';
    const moduleIds = course.data.modules.map((m) => m.id);
    if (!moduleIds.includes(lesson.data.module)) {
      problems.push(
        problemAt(lesson.file, lesson.source.locate(['module']), `module "${lesson.data.module}" is not a module of course "${lesson.course}" (its modules: ${moduleIds.join(', ')})`),
      );
    }
    const orderKey = `${lesson.course}/${locale}${lesson.data.module}/${lesson.data.order}`;
    const other = orderSeen.get(orderKey);
    if (other) {
      problems.push(problemAt(lesson.file, lesson.source.locate(['order']), `order ${lesson.data.order} is already used in module "${lesson.data.module}" by ${other}`));
    } else orderSeen.set(orderKey, lesson.file);
    problems.push(...checkLessonBody(lesson, { botKinds, lessonIds, courseSlugs: new Set(courseSlugs), instructorIds }));
    if (lesson.translation) {
      const slug = basename(lesson.file, '.mdx');
      const original = lessons.find((l) => l.course === lesson.course && l.translation === null && basename(l.file, '.mdx') === slug);
      if (!original) problems.push(problemAt(lesson.file, { line: 1, column: 1 }, `translation has no original lesson ${lesson.course}/lessons/${slug}.mdx`));
      else problems.push(...checkLessonTranslation(original, lesson));
    }
  }

  const testimonialsDir = join(contentDir, 'testimonials');
  for (const name of filesIn(testimonialsDir, '.yaml')) {
    const testimonial = load(join(testimonialsDir, name), testimonialSchema, false);
    // Against the folders, not the parsed courses: a course.yaml with an error is reported once, there.
    if (testimonial && !courseSlugs.includes(testimonial.data.course)) {
      problems.push(problemAt(testimonial.file, testimonial.source.locate(['course']), `course: no course "${testimonial.data.course}"`));
    }
  }

  const valuesPath = join(contentDir, 'pages', 'participation-values.md');
  if (existsSync(valuesPath)) load(valuesPath, valuesSchema, true);
  else problems.push(problemAt(rel(valuesPath), { line: 1, column: 1 }, 'the participation values text is missing'));

  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
