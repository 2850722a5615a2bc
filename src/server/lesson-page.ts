import type { CollectionEntry } from 'astro:content';
import {
  findLesson,
  neighbours,
  previewLessons,
  type LessonSummary,
} from '~/lib/course/curriculum';
import type { Quiz } from '~/lib/content/schemas';
import { lessonAccess, tracksProgress, type LessonAccess } from '~/lib/enrollment/access';
import type { Locale } from '~/lib/i18n/locales';
import { getCourseProgress, recordLessonView, viewNeedsRecording } from '~/lib/progress/progress';
import { getQuizStates, gradeQuiz, type QuizState } from '~/lib/progress/quiz';
import type { SessionUser } from '~/lib/auth/user';
import type { Bot, Exercise } from '~/lib/bot/types.ts';
import type { Result } from '~/lib/result';
import { loadConversation, type StoredConversation } from '~/lib/sandbox/conversation';
import { getExerciseState, type ExerciseState } from '~/lib/sandbox/exercise-attempts';
import type { FlowLint } from '~/lib/sandbox/flow-check';
import type { FlowError } from '~/lib/sandbox/flow-runner';
import { getBotWithSource, getExercise } from './bots';
import { embeddedIn, getCurriculum, getLessonEntry, type LocalizedCurriculum } from './catalog';
import { getDb, getFlowRunner } from './runtime';

/** A `<SandboxBot>` as its lesson page loaded it: the bot, its YAML, and the learner's stored chat when tracked. */
export interface SandboxBotView {
  bot: Bot;
  source: string;
  conversation: StoredConversation | null;
}

/** A `<BotPlayground>` as its lesson page loaded it: the flow to start from (the learner's draft or the starter), linted. */
export interface PlaygroundView {
  exercise: Exercise;
  source: string;
  lint: Result<FlowLint, FlowError>;
  /** The learner's saved state when tracked. */
  state: ExerciseState | null;
}

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
  /** The sandbox bots and playgrounds the lesson embeds, by bot or exercise id. */
  bots: Map<string, SandboxBotView>;
  playgrounds: Map<string, PlaygroundView>;
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
  // A signed-in viewer's progress and answers are read together with the access check, not after
  // it: on PostgreSQL each wait is a round trip. They are used only if the access check says this
  // viewer's progress is tracked, and they are reads, so reading them for nothing writes nothing.
  const [access, states, progress] = await Promise.all([
    lessonAccess(db.read, viewer, curriculum.slug, lesson.data),
    viewer
      ? getQuizStates(db.read, viewer.id, curriculum.slug, lesson.slug)
      : new Map<string, QuizState>(),
    viewer ? getCourseProgress(db, viewer.id, curriculum) : null,
  ]);
  if (!access.allowed)
    return access.reason === 'login-required'
      ? { kind: 'login-required' }
      : { kind: 'forbidden', curriculum, lesson };
  const entry = await getLessonEntry(lesson.id);
  if (!entry) return { kind: 'not-found' };

  // The access check already read the enrollment: no second query for the same row.
  const tracked = tracksProgress(access);
  let completed = new Set<string>();
  let percent = 0;
  if (tracked && viewer && progress) {
    // Read first: a reload of the lesson last opened needs no write (viewNeedsRecording), and the
    // page shows only completions, which a view does not change.
    if (viewNeedsRecording(progress, lesson.slug))
      await recordLessonView(db, viewer.id, curriculum.slug, lesson.slug);
    completed = progress.completed;
    percent = progress.percent;
  }
  const quizzes = new Map<string, QuizView>();
  for (const quiz of lesson.data.quizzes) {
    const state = states.get(quiz.id);
    quizzes.set(quiz.id, {
      quiz,
      result:
        state && tracked
          ? { chosen: state.lastChosen, correct: state.lastCorrect }
          : anonymousResult(quiz, input.url),
    });
  }
  const { bots, playgrounds } = await loadEmbeddedBots(
    await embeddedIn(entry),
    tracked && viewer ? viewer.id : null,
  );
  return {
    kind: 'ok',
    curriculum,
    lesson,
    entry,
    access,
    tracked,
    completed,
    openable: new Set(
      (tracked || access.via === 'staff' ? curriculum.lessons : previewLessons(curriculum)).map(
        (l) => l.slug,
      ),
    ),
    percent,
    ...neighbours(curriculum, lesson.slug),
    context: {
      courseSlug: curriculum.slug,
      lessonSlug: lesson.slug,
      tracked,
      quizzes,
      bots,
      playgrounds,
      returnPath: input.returnPath,
    },
  };
}

/**
 * Everything the lesson's bots and playgrounds show, loaded before the page renders, so the
 * components only render. `learnerId` is set when the viewer's chats and drafts are stored.
 */
async function loadEmbeddedBots(
  embedded: { bots: string[]; exercises: string[] },
  learnerId: number | null,
): Promise<Pick<LessonContext, 'bots' | 'playgrounds'>> {
  const db = await getDb();
  // Each bot and playground at once: on PostgreSQL each stored chat or draft is a round trip.
  const [bots, playgrounds] = await Promise.all([
    Promise.all(
      embedded.bots.map(async (id): Promise<[string, SandboxBotView] | null> => {
        const found = await getBotWithSource(id);
        if (!found) return null;
        const conversation =
          learnerId === null ? null : await loadConversation(db, learnerId, found.bot);
        return [id, { ...found, conversation }];
      }),
    ),
    Promise.all(
      embedded.exercises.map(async (id): Promise<[string, PlaygroundView] | null> => {
        const found = await getExercise(id);
        if (!found) return null;
        const state =
          learnerId === null ? null : await getExerciseState(db, learnerId, found.exercise.id);
        const source = state?.draft ?? found.starterSource;
        const lint = await getFlowRunner().lint(source, found.exercise.language);
        return [id, { exercise: found.exercise, source, lint, state }];
      }),
    ),
  ]);
  // In the order the lesson embeds them (Promise.all keeps it): the stamp lists them in this order.
  return {
    bots: new Map(bots.filter((entry) => entry !== null)),
    playgrounds: new Map(playgrounds.filter((entry) => entry !== null)),
  };
}

/** A preview visitor's answer travels in the URL (`?quiz=id&answer=n`): graded, never stored. */
function anonymousResult(quiz: Quiz, url: URL): QuizView['result'] {
  if (url.searchParams.get('quiz') !== quiz.id) return null;
  // No answer is no answer: Number('') and Number(null) would both read as the first option.
  const answer = url.searchParams.get('answer')?.trim();
  if (!answer) return null;
  const chosen = Number(answer);
  if (!Number.isInteger(chosen) || chosen < 0 || chosen >= quiz.options.length) return null;
  return { chosen, correct: gradeQuiz(quiz, chosen).correct };
}

/**
 * Everything a lesson page shows that is not content, as text: who is looking, as far as the page
 * shows it (signed in or not, the role's menu, whether the values banner is due), and all the loader
 * read for them. Two requests with the same stamp render the same bytes, so a copy kept under it
 * (src/server/kept-pages.ts `keptCopy`) may answer the second. Whatever a lesson page comes to show
 * of its viewer must be added here, or another viewer could be shown it.
 *
 * The bot and exercise definitions, the curriculum and the lesson are content (fixed per build),
 * so only their ids stand in the stamp.
 */
export function lessonPageStamp(
  page: Extract<LessonPage, { kind: 'ok' | 'forbidden' }>,
  user: SessionUser | null,
): string {
  const viewer = user && { role: user.role, valuesVersion: user.valuesVersion };
  if (page.kind === 'forbidden') return JSON.stringify({ kind: page.kind, viewer });
  const { context } = page;
  return JSON.stringify({
    kind: page.kind,
    viewer,
    via: page.access.via,
    tracked: page.tracked,
    // The outline's links and the percentage follow from these and the curriculum (content), so
    // they need no place of their own.
    completed: [...page.completed].sort(),
    quizzes: [...context.quizzes].map(([id, view]) => [id, view.result]),
    bots: [...context.bots].map(([id, view]) => [id, view.conversation]),
    playgrounds: [...context.playgrounds].map(([id, view]) => [
      id,
      view.source,
      view.lint,
      view.state,
    ]),
  });
}
