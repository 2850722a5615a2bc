import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Reader } from '~/lib/db';
import {
  botConversations,
  certificates,
  enrollments,
  lessonProgress,
  quizAttempts,
} from '~db/schema';

/**
 * A course's report for its admins and instructors: how many enroll and finish, where learners
 * stop, which questions they miss, and where sandbox conversations end. Counts only, no names,
 * e-mail addresses or payments, so instructors may see all of it.
 */

export interface WeekCount {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  week: string;
  enrollments: number;
}

export interface LessonFunnelStep {
  lessonSlug: string;
  title: string;
  /** Learners who opened the lesson, and who completed it. */
  viewed: number;
  completed: number;
}

export interface MissedQuestion {
  lessonSlug: string;
  quizId: string;
  question: string;
  attempts: number;
  wrong: number;
}

export interface BotStop {
  botId: string;
  /** The step a conversation was waiting at (where it stopped), or "(ended)". */
  step: string;
  conversations: number;
}

export interface CourseReport {
  enrolledActive: number;
  activeLast30Days: number;
  completed: number;
  /** Completed / active enrollments, 0..1. */
  completionRate: number;
  weeks: WeekCount[];
  funnel: LessonFunnelStep[];
  missed: MissedQuestion[];
  botStops: BotStop[];
}

export interface ReportCourse {
  slug: string;
  lessons: { slug: string; title: string; quizzes: { id: string; question: string }[] }[];
  /** Bots the course's lessons embed. */
  botIds: string[];
}

const DAY = 86_400_000;

/** Monday 00:00 UTC of the week `date` falls in. */
export function weekStart(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
}

/**
 * @example const report = await courseReport(db.read, { slug, lessons, botIds }, new Date());
 */
export async function courseReport(
  q: Reader,
  course: ReportCourse,
  now: Date = new Date(),
  weeksBack = 12,
): Promise<CourseReport> {
  const since = new Date(weekStart(now).getTime() - (weeksBack - 1) * 7 * DAY);
  const [active, recent, done, created, progress, attempts, conversations] = await Promise.all([
    q
      .select({ n: count() })
      .from(enrollments)
      .where(and(eq(enrollments.courseSlug, course.slug), eq(enrollments.status, 'active'))),
    // Kept on the enrollment as views are recorded: counting distinct learners over the progress
    // rows took 90 ms of this report at 100,000 learners.
    q
      .select({ n: count() })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.courseSlug, course.slug),
          gte(enrollments.lastActiveAt, new Date(now.getTime() - 30 * DAY)),
        ),
      ),
    q.select({ n: count() }).from(certificates).where(eq(certificates.courseSlug, course.slug)),
    q
      .select({ at: enrollments.createdAt })
      .from(enrollments)
      .where(and(eq(enrollments.courseSlug, course.slug), gte(enrollments.createdAt, since))),
    q
      .select({
        lesson: lessonProgress.lessonSlug,
        viewed: count(),
        completed: count(lessonProgress.completedAt),
      })
      .from(lessonProgress)
      .where(eq(lessonProgress.courseSlug, course.slug))
      .groupBy(lessonProgress.lessonSlug),
    q
      .select({
        lesson: quizAttempts.lessonSlug,
        quiz: quizAttempts.quizId,
        attempts: count(),
        wrong: sql<number>`sum(case when ${quizAttempts.correct} then 0 else 1 end)`,
      })
      .from(quizAttempts)
      .where(eq(quizAttempts.courseSlug, course.slug))
      .groupBy(quizAttempts.lessonSlug, quizAttempts.quizId),
    course.botIds.length
      ? // Only the start of each row: the state comes before the transcript, and a report over a
        // hundred thousand chats must not load every transcript.
        q
          .select({
            bot: botConversations.botId,
            head: sql<string>`substr(${botConversations.state}, 1, 600)`,
          })
          .from(botConversations)
          .where(inArray(botConversations.botId, course.botIds))
      : Promise.resolve([]),
  ]);

  const weeks: WeekCount[] = Array.from({ length: weeksBack }, (_, i) => ({
    week: new Date(since.getTime() + i * 7 * DAY).toISOString().slice(0, 10),
    enrollments: 0,
  }));
  for (const { at } of created) {
    const index = Math.floor((weekStart(at).getTime() - since.getTime()) / (7 * DAY));
    if (weeks[index]) weeks[index].enrollments++;
  }

  const byLesson = new Map(progress.map((p) => [p.lesson, p]));
  const funnel = course.lessons.map((l) => ({
    lessonSlug: l.slug,
    title: l.title,
    viewed: Number(byLesson.get(l.slug)?.viewed ?? 0),
    completed: Number(byLesson.get(l.slug)?.completed ?? 0),
  }));

  const questions = new Map(
    course.lessons.flatMap((l) =>
      l.quizzes.map((quiz) => [`${l.slug}/${quiz.id}`, quiz.question] as const),
    ),
  );
  const missed = attempts
    .map((a) => ({
      lessonSlug: a.lesson,
      quizId: a.quiz,
      question: questions.get(`${a.lesson}/${a.quiz}`) ?? a.quiz,
      attempts: Number(a.attempts),
      wrong: Number(a.wrong),
    }))
    .filter((m) => questions.has(`${m.lessonSlug}/${m.quizId}`))
    .sort((a, b) => b.wrong / b.attempts - a.wrong / a.attempts || b.attempts - a.attempts);

  const stops = new Map<string, number>();
  for (const c of conversations) {
    const key = `${c.bot}\n${stoppedAt(c.head)}`;
    stops.set(key, (stops.get(key) ?? 0) + 1);
  }
  const botStops = [...stops]
    .map(([key, n]) => {
      const [botId = '', step = ''] = key.split('\n');
      return { botId, step, conversations: n };
    })
    .sort((a, b) => a.botId.localeCompare(b.botId) || b.conversations - a.conversations);

  const enrolledActive = Number(active[0]?.n ?? 0);
  const completed = Number(done[0]?.n ?? 0);
  return {
    enrolledActive,
    activeLast30Days: Number(recent[0]?.n ?? 0),
    completed,
    completionRate: enrolledActive === 0 ? 0 : Math.min(1, completed / enrolledActive),
    weeks,
    funnel,
    missed,
    botStops,
  };
}

/**
 * Where a stored conversation stopped, read from the start of its JSON (`{"state":{…"waiting":…,
 * "optedOut":…` come before the variables and the transcript): the question it waits on, else
 * "(ended)" or "(opted out)".
 */
export function stoppedAt(head: string): string {
  if (/"optedOut":true/.test(head)) return '(opted out)';
  const waiting = /"waiting":(null|"((?:[^"\\]|\\.)*)")/.exec(head);
  if (!waiting) return '(unreadable)';
  return waiting[1] === 'null' ? '(ended)' : (JSON.parse(waiting[1]!) as string);
}
