import type { CollectionEntry } from 'astro:content';
import { findLesson, neighbours, previewLessons, type LessonSummary } from '~/lib/course/curriculum';
import type { Quiz } from '~/lib/content/schemas';
import { lessonAccess, tracksProgress, type LessonAccess } from '~/lib/enrollment/access';
import type { Locale } from '~/lib/i18n/locales';
import { getCourseProgress, recordLessonView, viewNeedsRecording } from '~/lib/progress/progress';
import { getQuizStates, gradeQuiz } from '~/lib/progress/quiz';
import type { SessionUser } from '~/lib/auth/user';
import { getCurriculum, getLessonEntry, type LocalizedCurriculum } from './catalog';
import { getDb } from './runtime';

export interface QuizView {
  quiz: Quiz;
  /** What to show under the question: nothing yet, or the last answer and whether it was right. */
  result: { chosen: number; correct: boolean } | null;
}

/** What components inside a lesson's MDX need to know about the page they are on. */
export interface LessonContext {
  courseSlug: string;
  lessonSlug: string;
  /** Signed in and enrolled (or staff): answers and chats are stored. */
  tracked: boolean;
  quizzes: Map<string, QuizView>;
  returnPath: string;
}

export type LessonPage =
  | { kind: 'not-found' }
  | { kind: 'login-required' }
  | { kind: 'forbidden'; curriculum: LocalizedCurriculum; lesson: LessonSummary }
  | {
      kind: 'ok';
      curriculum: LocalizedCurriculum;
      lesson: LessonSummary;
      entry: CollectionEntry<'lessons'>;
      access: LessonAccess & { allowed: true };
      tracked: boolean;
      completed: Set<string>;
      /** Lessons the outline links to: all of them for enrolled learners and staff, else the previews. */
      openable: Set<string>;
      percent: number;
      previous: LessonSummary | null;
      next: LessonSummary | null;
      context: LessonContext;
    };

/**
 * Loads a lesson for a viewer: the one access check, the view recorded, progress and quiz
 * states for the outline and the knowledge checks.
 */
export async function loadLessonPage(input: {
  courseSlug: string;
  lessonSlug: string;
  locale: Locale;
  user: SessionUser | null;
  url: URL;
  returnPath: string;
}): Promise<LessonPage> {
  const curriculum = await getCurriculum(input.courseSlug, input.locale);
  const lesson = curriculum && findLesson(curriculum, input.lessonSlug);
  if (!curriculum || !lesson) return { kind: 'not-found' };
  const db = await getDb();
  const viewer = input.user ? { id: input.user.id, role: input.user.role } : null;
  const access = await lessonAccess(db.read, viewer, curriculum.slug, lesson.data);
  if (!access.allowed) return access.reason === 'login-required' ? { kind: 'login-required' } : { kind: 'forbidden', curriculum, lesson };
  const entry = await getLessonEntry(lesson.id);
  if (!entry) return { kind: 'not-found' };

  // The access check already read the enrollment: no second query for the same row.
  const tracked = tracksProgress(access);
  let completed = new Set<string>();
  let percent = 0;
  const states = tracked && viewer ? await getQuizStates(db.read, viewer.id, curriculum.slug, lesson.slug) : new Map();
  if (tracked && viewer) {
    // Read first: a reload of the lesson last opened needs no write (viewNeedsRecording), and the
    // page shows only completions, which a view does not change.
    const progress = await getCourseProgress(db, viewer.id, curriculum);
    if (viewNeedsRecording(progress, lesson.slug)) await recordLessonView(db, viewer.id, curriculum.slug, lesson.slug);
    completed = progress.completed;
    percent = progress.percent;
  }
  const quizzes = new Map<string, QuizView>();
  for (const quiz of lesson.data.quizzes) {
    const state = states.get(quiz.id);
    quizzes.set(quiz.id, { quiz, result: state ? { chosen: state.lastChosen, correct: state.lastCorrect } : anonymousResult(quiz, input.url) });
  }
  return {
    kind: 'ok',
    curriculum,
    lesson,
    entry,
    access,
    tracked,
    completed,
    openable: new Set((tracked || access.via === 'staff' ? curriculum.lessons : previewLessons(curriculum)).map((l) => l.slug)),
    percent,
    ...neighbours(curriculum, lesson.slug),
    context: { courseSlug: curriculum.slug, lessonSlug: lesson.slug, tracked, quizzes, returnPath: input.returnPath },
  };
}

/** A preview visitor's answer travels in the URL (`?quiz=id&answer=n`): graded, never stored. */
function anonymousResult(quiz: Quiz, url: URL): QuizView['result'] {
  if (url.searchParams.get('quiz') !== quiz.id) return null;
  const chosen = Number(url.searchParams.get('answer'));
  if (!Number.isInteger(chosen) || chosen < 0 || chosen >= quiz.options.length) return null;
  return { chosen, correct: gradeQuiz(quiz, chosen).correct };
}
