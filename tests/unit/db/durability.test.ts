import { describe, expect, it } from 'vitest';
import { recordFailure, throttleAction } from '~/lib/auth/throttle';
import type { Db, Durability } from '~/lib/db';
import { enroll } from '~/lib/enrollment/enrollment';
import { completeLesson, recordLessonView } from '~/lib/progress/progress';
import { recordQuizAttempt } from '~/lib/progress/quiz';
import { loadConversation, restartConversation, sendMessage } from '~/lib/sandbox/conversation';
import { saveDraft } from '~/lib/sandbox/exercise-attempts';
import { loadBot } from '../bot/helpers';
import { freshDb } from '../fixtures';
import { COURSE_SLUG, createUser, quiz } from '../progress/fixtures';

/**
 * Which writes wait for the disk (see Durability in src/lib/db/types.ts). Durable: an enrollment,
 * a completed lesson, a quiz answer. Relaxed, because losing the last few in a power cut costs
 * nothing: a lesson view, a sandbox chat, a playground's autosaved draft, a throttle counter.
 * Each call runs against the real database with its writes watched.
 */

/** `db` with every write's durability noted in `seen`, in order. */
function watched(db: Db): { db: Db; seen: Durability[] } {
  const seen: Durability[] = [];
  const write: Db['write'] = (work, options) => {
    seen.push(options?.durability ?? 'durable');
    return db.write(work, options);
  };
  return { db: Object.assign(Object.create(db) as Db, { write }), seen };
}

describe('write durability', () => {
  it('waits for the disk for an enrollment, a completion and a quiz answer', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const watch = watched(db);
    const enrolled = await enroll(watch.db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      source: 'admin',
    });
    expect(enrolled.ok).toBe(true);
    await completeLesson(watch.db, user.id, COURSE_SLUG, {
      slug: 'a',
      requiresQuiz: false,
      quizIds: [],
    });
    await recordQuizAttempt(watch.db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      lessonSlug: 'a',
      quiz: quiz('q'),
      chosen: 1,
    });
    expect(watch.seen).toEqual(['durable', 'durable', 'durable']);
  });

  it('does not for a lesson view, a sandbox chat, an autosaved draft or a throttle counter', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const bot = loadBot('opt-in-list');
    const watch = watched(db);
    await recordLessonView(watch.db, user.id, COURSE_SLUG, 'a');
    await loadConversation(watch.db, user.id, bot);
    expect((await sendMessage(watch.db, user.id, bot, 'JOIN')).ok).toBe(true);
    await restartConversation(watch.db, user.id, bot);
    const throttled = await throttleAction(watch.db, 'chat:test', { limit: 5, windowMs: 60_000 });
    expect(throttled.allowed).toBe(true);
    await recordFailure(watch.db, { email: 'ana@example.org', ip: '203.0.113.9' });
    expect((await saveDraft(watch.db, user.id, 'clinic-exercise', 'start: hello')).ok).toBe(true);
    expect(watch.seen).toEqual(Array(7).fill('relaxed'));
  });
});
