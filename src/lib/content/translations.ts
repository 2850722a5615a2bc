import type { Course, Lesson } from './schemas';
import type { ParsedSource } from './source';
import { problemAt, type ContentProblem } from './problems';

interface Parsed<T> {
  file: string;
  source: ParsedSource;
  data: T;
}

/**
 * A translated course (course.<locale>.yaml) may only translate text: modules, instructors and
 * price are the original's, or learners would see a different course in another language.
 */
export function checkCourseTranslation(original: Parsed<Course>, translation: Parsed<Course>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(original.data.modules.map((m) => m.id), translation.data.modules.map((m) => m.id))) {
    problems.push(problemAt(translation.file, translation.source.locate(['modules']), `modules must have the same ids in the same order as ${original.file}`));
  }
  for (const field of ['instructors', 'price', 'level', 'status'] as const) {
    if (!same(original.data[field], translation.data[field])) {
      problems.push(problemAt(translation.file, translation.source.locate([field]), `${field} must be the same as in ${original.file}`));
    }
  }
  return problems;
}

/**
 * A translated lesson shares progress and quiz answers with its original, so its place in the
 * course and its quizzes (ids, number of options, correct answer) must match.
 */
export function checkLessonTranslation(original: Parsed<Lesson>, translation: Parsed<Lesson>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const field of ['module', 'order', 'requiresQuiz', 'preview'] as const) {
    if (original.data[field] !== translation.data[field]) {
      problems.push(problemAt(translation.file, translation.source.locate([field]), `${field} must be the same as in ${original.file} (${String(original.data[field])})`));
    }
  }
  const shape = (lesson: Lesson) => lesson.quizzes.map((q) => `${q.id}:${q.options.length}:${q.answer}`).join(',');
  if (shape(original.data) !== shape(translation.data)) {
    problems.push(problemAt(translation.file, translation.source.locate(['quizzes']), `quizzes must have the same ids, number of options and answers as in ${original.file}`));
  }
  // A translation rests on the same sources (titles may be translated; the documents are the same)
  // and is reviewed when its original is, so a corrected rule cannot stay wrong in one language.
  const urls = (lesson: Lesson) => lesson.sources.map((s) => s.url).join('\n');
  if (urls(original.data) !== urls(translation.data)) {
    problems.push(problemAt(translation.file, translation.source.locate(['sources']), `sources must cite the same documents (URLs, in order) as ${original.file}`));
  }
  const reviewed = (lesson: Lesson) => lesson.reviewed?.getTime() ?? 0;
  if (reviewed(translation.data) < reviewed(original.data)) {
    problems.push(problemAt(translation.file, translation.source.locate(['reviewed']), `reviewed is older than ${original.file}'s (${original.data.reviewed?.toISOString().slice(0, 10)}): review the translation against the corrected original`));
  }
  return problems;
}
