import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccountWithPassword, logIn } from '~/lib/auth/account';
import { openDatabase } from '~/lib/db';
import { copySqliteToPostgres } from '~/lib/db/copy';
import { enroll } from '~/lib/enrollment/enrollment';
import { completeLesson, getCourseProgress } from '~/lib/progress/progress';
import { enrollments, lessonProgress, users } from '~db/schema';
import { PASSWORD } from '../auth/helpers';
import { emptyPostgresDatabase, testEngine } from '../fixtures';

/** Runs in the PostgreSQL pass of the suite, which has a server to copy into. */
const LEARNERS = 3_000;
const LESSONS = ['one', 'two', 'three', 'four'];
const curriculum = {
  slug: 'course',
  lessons: LESSONS.map((slug) => ({ slug })),
} as unknown as Parameters<typeof getCourseProgress>[2];

describe.runIf(testEngine === 'postgres')('copy-database (SQLite → PostgreSQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'botcamp-copy-'));
  const sqlitePath = join(dir, 'site.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves every row with its id, and the site works on the copy', async () => {
    // A site on SQLite: one real account, a few thousand generated learners with progress.
    const site = await openDatabase(sqlitePath);
    const ada = await createAccountWithPassword(site, {
      email: 'ada@example.org',
      displayName: 'Ada',
      password: PASSWORD,
      acceptValues: true,
      valuesVersion: 1,
    });
    if (!ada.ok) throw new Error(ada.error);
    await enroll(site, { userId: ada.value.userId, courseSlug: 'course', source: 'free' });
    await completeLesson(site, ada.value.userId, 'course', {
      slug: 'two',
      requiresQuiz: false,
      quizIds: [],
    });
    const hash = (await site.read.select({ h: users.passwordHash }).from(users).limit(1))[0]!.h;
    await site.write(async (tx) => {
      for (let start = 0; start < LEARNERS; start += 500) {
        const batch = Array.from({ length: 500 }, (_, i) => ({
          email: `learner${start + i}@example.org`,
          displayName: `Learner ${start + i}`,
          passwordHash: hash,
        }));
        const ids = await tx.insert(users).values(batch).returning({ id: users.id });
        await tx
          .insert(enrollments)
          .values(
            ids.map(({ id }) => ({ userId: id, courseSlug: 'course', source: 'import' as const })),
          );
        const now = new Date('2026-11-01T12:00:00Z');
        await tx.insert(lessonProgress).values(
          ids.flatMap(({ id }, i) =>
            LESSONS.slice(0, i % 5).map((lessonSlug) => ({
              userId: id,
              courseSlug: 'course',
              lessonSlug,
              firstViewedAt: now,
              lastViewedAt: now,
              completedAt: now,
            })),
          ),
        );
      }
    });
    const lastLearner = (
      await site.read
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, `learner${LEARNERS - 1}@example.org`))
    )[0]!.id;
    const before = await getCourseProgress(site, lastLearner, curriculum);
    await site.close();

    const target = await emptyPostgresDatabase('botcamp_copy_target');
    const counts = await copySqliteToPostgres(sqlitePath, target);
    const byTable = Object.fromEntries(counts.map((c) => [c.table, c]));
    expect(byTable.users).toEqual({ table: 'users', source: LEARNERS + 1, copied: LEARNERS + 1 });
    expect(byTable.enrollments?.copied).toBe(LEARNERS + 1);
    expect(byTable.lesson_progress?.copied).toBeGreaterThan(LEARNERS);
    for (const c of counts) expect(c.copied).toBe(c.source);

    const copy = await openDatabase(target);
    try {
      expect(copy.engine).toBe('postgres');
      expect(
        await logIn(copy, { email: 'ada@example.org', password: PASSWORD, ip: '203.0.113.9' }),
      ).toEqual({ ok: true, value: { userId: ada.value.userId } });
      expect(await getCourseProgress(copy, lastLearner, curriculum)).toEqual(before);
      expect((await getCourseProgress(copy, ada.value.userId, curriculum)).completed).toEqual(
        new Set(['two']),
      );
      // Sequences continue after the copied ids.
      const next = await createAccountWithPassword(copy, {
        email: 'new@example.org',
        displayName: 'New',
        password: PASSWORD,
        acceptValues: true,
        valuesVersion: 1,
      });
      expect(next.ok && next.value.userId).toBe(LEARNERS + 2);
      const [row] = await copy.read.select({ n: count() }).from(users);
      expect(row?.n).toBe(LEARNERS + 2);
    } finally {
      await copy.close();
    }

    // A target that already holds data is refused, and left as it was.
    await expect(copySqliteToPostgres(sqlitePath, target)).rejects.toThrow(/already holds data/);
    const again = await openDatabase(target);
    expect((await again.read.select({ n: count() }).from(users))[0]?.n).toBe(LEARNERS + 2);
    await again.close();
  }, 60_000);
});
