import type { Course, CourseModule, Lesson } from '../content/schemas';

/** A lesson as the site shows it: authored data plus where it sits in its course. */
export interface LessonSummary {
  /** Content id, "<course>/<slug>". */
  id: string;
  slug: string;
  courseSlug: string;
  data: Lesson;
  /** Set when this is a translation shown in place of the original (e.g. 'es'). */
  locale?: string | null;
}

export interface ModuleWithLessons extends CourseModule {
  lessons: LessonSummary[];
  minutes: number;
}

export interface Curriculum {
  slug: string;
  course: Course;
  modules: ModuleWithLessons[];
  /** Lessons in reading order across modules. */
  lessons: LessonSummary[];
  minutes: number;
}

/**
 * Orders a course's lessons by module (as listed in the course) then by `order`. Drafts are kept
 * only when `includeDrafts` (dev preview); lessons outside any module are left out (the content
 * check reports them).
 */
export function buildCurriculum(
  slug: string,
  course: Course,
  lessons: LessonSummary[],
  includeDrafts: boolean,
): Curriculum {
  const visible = lessons.filter(
    (lesson) => lesson.courseSlug === slug && (includeDrafts || !lesson.data.draft),
  );
  const modules = course.modules.map((mod) => {
    const inModule = visible
      .filter((lesson) => lesson.data.module === mod.id)
      .sort((a, b) => a.data.order - b.data.order);
    return {
      ...mod,
      lessons: inModule,
      minutes: inModule.reduce((sum, lesson) => sum + lesson.data.duration, 0),
    };
  });
  const ordered = modules.flatMap((mod) => mod.lessons);
  return {
    slug,
    course,
    modules,
    lessons: ordered,
    minutes: ordered.reduce((sum, l) => sum + l.data.duration, 0),
  };
}

/** The lessons before and after `lessonSlug` in reading order (null at either end). */
export function neighbours(
  curriculum: Curriculum,
  lessonSlug: string,
): { previous: LessonSummary | null; next: LessonSummary | null } {
  const index = curriculum.lessons.findIndex((lesson) => lesson.slug === lessonSlug);
  if (index < 0) return { previous: null, next: null };
  return {
    previous: curriculum.lessons[index - 1] ?? null,
    next: curriculum.lessons[index + 1] ?? null,
  };
}

export function findLesson(curriculum: Curriculum, lessonSlug: string): LessonSummary | undefined {
  return curriculum.lessons.find((lesson) => lesson.slug === lessonSlug);
}

export function previewLessons(curriculum: Curriculum): LessonSummary[] {
  return curriculum.lessons.filter((lesson) => lesson.data.preview);
}
