import { and, asc, count, desc, eq, gt, max, sum, sql } from 'drizzle-orm';
import { describeAuditDetail, parseDetail } from './audit-list';
import type { Reader } from '~/lib/db';
import {
  auditLog,
  botConversations,
  enrollments,
  exerciseResults,
  lessonProgress,
  quizAttempts,
  sessions,
  users,
} from '~db/schema';

/** Everything an admin sees about one learner, read in one go. */
export interface LearnerRecord {
  user: {
    id: number;
    email: string;
    displayName: string;
    role: 'learner' | 'instructor' | 'admin';
    locale: 'en' | 'es';
    disabledAt: Date | null;
    createdAt: Date;
    hasPassword: boolean;
  };
  enrollments: (typeof enrollments.$inferSelect)[];
  progress: {
    courseSlug: string;
    lessonSlug: string;
    firstViewedAt: Date;
    lastViewedAt: Date;
    completedAt: Date | null;
  }[];
  quizzes: {
    courseSlug: string;
    lessonSlug: string;
    quizId: string;
    attempts: number;
    correct: number;
  }[];
  conversations: { botId: string; updatedAt: Date }[];
  exercises: { exerciseId: string; passedAt: Date | null; updatedAt: Date }[];
  sessions: { active: number; lastSignIn: Date | null };
  /** The detail as an admin reads it (describeAuditDetail), empty when there is none. */
  audit: { at: Date; action: string; courseSlug: string | null; detail: string }[];
}

export async function learnerRecord(
  q: Reader,
  userId: number,
  now: Date = new Date(),
): Promise<LearnerRecord | null> {
  const [user] = await q
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      locale: users.locale,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return null;
  const [enrolled, progress, quizzes, conversations, exercises, [sessionStats], audit] =
    await Promise.all([
      q
        .select()
        .from(enrollments)
        .where(eq(enrollments.userId, userId))
        .orderBy(desc(enrollments.createdAt)),
      q
        .select({
          courseSlug: lessonProgress.courseSlug,
          lessonSlug: lessonProgress.lessonSlug,
          firstViewedAt: lessonProgress.firstViewedAt,
          lastViewedAt: lessonProgress.lastViewedAt,
          completedAt: lessonProgress.completedAt,
        })
        .from(lessonProgress)
        .where(eq(lessonProgress.userId, userId))
        .orderBy(asc(lessonProgress.courseSlug), asc(lessonProgress.firstViewedAt)),
      q
        .select({
          courseSlug: quizAttempts.courseSlug,
          lessonSlug: quizAttempts.lessonSlug,
          quizId: quizAttempts.quizId,
          attempts: count(),
          correct: sum(sql<number>`case when ${quizAttempts.correct} then 1 else 0 end`),
        })
        .from(quizAttempts)
        .where(eq(quizAttempts.userId, userId))
        .groupBy(quizAttempts.courseSlug, quizAttempts.lessonSlug, quizAttempts.quizId),
      q
        .select({ botId: botConversations.botId, updatedAt: botConversations.updatedAt })
        .from(botConversations)
        .where(eq(botConversations.userId, userId))
        .orderBy(desc(botConversations.updatedAt)),
      q
        .select({
          exerciseId: exerciseResults.exerciseId,
          passedAt: exerciseResults.passedAt,
          updatedAt: exerciseResults.updatedAt,
        })
        .from(exerciseResults)
        .where(eq(exerciseResults.userId, userId)),
      q
        .select({ active: count(), lastSignIn: max(sessions.createdAt) })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now))),
      q
        .select({
          at: auditLog.createdAt,
          action: auditLog.action,
          courseSlug: auditLog.courseSlug,
          detail: auditLog.detail,
        })
        .from(auditLog)
        .where(eq(auditLog.subjectUserId, userId))
        .orderBy(desc(auditLog.id))
        .limit(50),
    ]);
  return {
    user: { ...user, hasPassword: Boolean(user.hasPassword) },
    enrollments: enrolled,
    progress,
    quizzes: quizzes.map((r) => ({
      ...r,
      attempts: Number(r.attempts),
      correct: Number(r.correct ?? 0),
    })),
    conversations,
    exercises,
    sessions: {
      active: Number(sessionStats?.active ?? 0),
      lastSignIn: sessionStats?.lastSignIn ? new Date(sessionStats.lastSignIn) : null,
    },
    audit: audit.map((a) => ({ ...a, detail: describeAuditDetail(parseDetail(a.detail)) })),
  };
}
