import { describe, expect, it } from 'vitest';
import { completeLesson, getCourseProgress, recordLessonView } from '~/lib/progress/progress';
import { resumeLesson } from '~/lib/progress/resume';
import type { Db } from '~/lib/db';
import { freshDb } from '../fixtures';
import {
  COURSE_SLUG,
  completionInput,
  createUser,
  lessonOf,
  threeLessonCurriculum,
} from './fixtures';

const curriculum = threeLessonCurriculum();
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));

/** Where "Continue" goes for a learner, read from the database as the dashboard reads it. */
async function resumeSlug(db: Db, userId: number): Promise<string | undefined> {
  return resumeLesson(curriculum, await getCourseProgress(db, userId, curriculum))?.slug;
}

async function complete(db: Db, userId: number, slug: string, minute: number): Promise<void> {
  const result = await completeLesson(
    db,
    userId,
    COURSE_SLUG,
    { ...completionInput(lessonOf(curriculum, slug)), requiresQuiz: false },
    at(minute),
  );
  expect(result.ok).toBe(true);
}

describe('resumeLesson', () => {
  it('starts a learner who has read nothing at the first lesson', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    expect(await resumeSlug(db, user.id)).toBe('intro');
  });

  it('returns to the lesson last read, not the first unfinished one', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await recordLessonView(db, user.id, COURSE_SLUG, 'intro', at(0));
    await recordLessonView(db, user.id, COURSE_SLUG, 'quiz-time', at(5));
    expect(await resumeSlug(db, user.id)).toBe('quiz-time');
    // Going back to an earlier lesson makes that one the place to continue.
    await recordLessonView(db, user.id, COURSE_SLUG, 'setup', at(9));
    expect(await resumeSlug(db, user.id)).toBe('setup');
  });

  it('moves on to the next unfinished lesson once the one last read is done', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await recordLessonView(db, user.id, COURSE_SLUG, 'intro', at(0));
    await complete(db, user.id, 'intro', 1);
    expect(await resumeSlug(db, user.id)).toBe('setup');
  });

  it('comes back to an earlier unfinished lesson when everything after the last one read is done', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await complete(db, user.id, 'setup', 0);
    await complete(db, user.id, 'quiz-time', 1);
    expect(await resumeSlug(db, user.id)).toBe('intro');
  });

  it('opens the lesson last read in a finished course', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    for (const [minute, slug] of ['intro', 'setup', 'quiz-time'].entries())
      await complete(db, user.id, slug, minute);
    await recordLessonView(db, user.id, COURSE_SLUG, 'setup', at(30));
    expect(await resumeSlug(db, user.id)).toBe('setup');
  });
});
