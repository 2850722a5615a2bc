import { randomToken, hashToken } from '../lib/auth/tokens';
import { createAccountWithPassword } from '../lib/auth/account';
import { readValuesVersion } from '../lib/content/values-version';
import { enroll } from '../lib/enrollment/enrollment';
import { completeLesson, recordLessonView } from '../lib/progress/progress';
import { openDatabase } from '../lib/db';
import { enrollments, quizAttempts, sessions, testimonials, users } from '../../db/schema';

/**
 * A throwaway database for the HTTP benchmarks: one enrolled learner part-way through the course
 * (views, completions, a quiz answer), so their lesson page runs every query a real one does;
 * `chatters` more enrolled learners with sessions, so the sandbox chat can be loaded without one
 * learner's chat throttle deciding the result; and approved testimonials for the course page.
 */
export interface BenchSeed {
  /** The enrolled learner's session token (the cookie value). */
  token: string;
  /** Session tokens of the other learners, for the chat benchmark. */
  chatterTokens: string[];
}

export const BENCH_COURSE = 'chatbots-for-organizing';
const VIEWED = [
  'why-chatbots-for-organizing',
  'how-chatbots-work',
  'designing-a-conversation',
  'writing-for-small-screens',
  'sms-bots-and-the-rules',
];

export async function seedBenchDatabase(file: string, chatters: number): Promise<BenchSeed> {
  const db = await openDatabase(file, { log: () => undefined });
  try {
    const valuesVersion = readValuesVersion(process.cwd());
    const signedUp = await createAccountWithPassword(db, {
      email: 'bench-learner@example.org',
      displayName: 'Bench Learner',
      password: `${randomToken(8)}-${randomToken(8)}`,
      acceptValues: true,
      valuesVersion,
    });
    if (!signedUp.ok) throw new Error(`could not create the benchmark learner: ${signedUp.error}`);
    const userId = signedUp.value.userId;
    const enrolled = await enroll(db, {
      userId,
      courseSlug: BENCH_COURSE,
      source: 'admin',
      reason: 'benchmark',
    });
    if (!enrolled.ok) throw new Error(`could not enroll the benchmark learner: ${enrolled.error}`);
    for (const [i, lesson] of VIEWED.entries()) {
      await recordLessonView(db, userId, BENCH_COURSE, lesson);
      if (i < 3)
        await completeLesson(db, userId, BENCH_COURSE, {
          slug: lesson,
          requiresQuiz: false,
          quizIds: [],
        });
    }

    const token = randomToken(20);
    const chatterTokens = Array.from({ length: chatters }, () => randomToken(20));
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 20 * 24 * 60 * 60 * 1000);
    await db.write(async (tx) => {
      await tx.insert(sessions).values({ id: hashToken(token), userId, expiresAt, createdAt: now });
      await tx.insert(quizAttempts).values({
        userId,
        courseSlug: BENCH_COURSE,
        lessonSlug: 'sms-bots-and-the-rules',
        quizId: 'plain-language-stop',
        chosen: 1,
        correct: true,
      });
      for (let start = 0; start < chatters; start += 500) {
        const batch = chatterTokens.slice(start, start + 500);
        const people = await tx
          .insert(users)
          .values(
            batch.map((_, i) => ({
              email: `bench-chatter-${start + i}@example.org`,
              displayName: `Chatter ${start + i}`,
              valuesVersion,
              valuesAcceptedAt: now,
            })),
          )
          .returning({ id: users.id });
        await tx.insert(enrollments).values(
          people.map(({ id }) => ({
            userId: id,
            courseSlug: BENCH_COURSE,
            source: 'admin' as const,
          })),
        );
        await tx.insert(sessions).values(
          people.map(({ id }, i) => ({
            id: hashToken(batch[i]!),
            userId: id,
            expiresAt,
            createdAt: now,
          })),
        );
      }
      await tx.insert(testimonials).values(
        Array.from({ length: 6 }, (_, i) => ({
          userId,
          courseSlug: BENCH_COURSE,
          quote: `Benchmark testimonial ${i + 1}: the sandbox made the rules stick.`,
          name: `Learner ${i + 1}`,
          role: 'Organizer',
          organization: 'Local 1',
          status: 'approved' as const,
        })),
      );
    });
    return { token, chatterTokens };
  } finally {
    await db.close();
  }
}
