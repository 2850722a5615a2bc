import type { Curriculum, LessonSummary } from '~/lib/course/curriculum';
import type { CourseProgress } from './progress';

/**
 * Where "Continue where you left off" takes a learner: back to the lesson they were last reading
 * (from `getCourseProgress`, the one place that reads lesson views) while it is unfinished; once
 * it is done, to the next unfinished lesson after it, then to any unfinished one before it. A
 * finished course opens the lesson last read, and a learner who has read nothing starts at the
 * first lesson. Null only for a course without lessons.
 *
 * @example
 * resumeLesson(curriculum, await getCourseProgress(db, user.id, curriculum))?.slug // 'list-building'
 */
export function resumeLesson(
  curriculum: Curriculum,
  progress: Pick<CourseProgress, 'completed' | 'lastViewed'>,
): LessonSummary | null {
  const { lessons } = curriculum;
  const last = progress.lastViewed;
  if (!last)
    return lessons.find((lesson) => !progress.completed.has(lesson.slug)) ?? lessons[0] ?? null;
  if (!progress.completed.has(last.slug)) return last;
  const start = lessons.findIndex((lesson) => lesson.slug === last.slug);
  const inReadingOrderFromLast = [...lessons.slice(start + 1), ...lessons.slice(0, start)];
  return inReadingOrderFromLast.find((lesson) => !progress.completed.has(lesson.slug)) ?? last;
}
