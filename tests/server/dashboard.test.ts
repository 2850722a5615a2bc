import { describe, expect, it } from 'vitest';
import { enroll, revokeEnrollment } from '~/lib/enrollment/enrollment';
import { issueCertificateIfComplete } from '~/lib/progress/certificate';
import { completeLesson, recordLessonView } from '~/lib/progress/progress';
import { getCurriculum } from '~/server/catalog';
import { loadDashboard, loadDashboardCourse } from '~/server/dashboard';
import { getDb } from '~/server/runtime';
import { person } from './people';

/** "My courses" over the project's own content and a real database. */

const ORGANIZING = 'chatbots-for-organizing';
const TURNOUT = 'texting-for-turnout';
const turnout = (await getCurriculum(TURNOUT, 'en'))!;

describe('loadDashboard', () => {
  it('lists nothing for someone enrolled nowhere', async () => {
    expect(await loadDashboard((await person()).id, 'en')).toEqual([]);
  });

  it('lists active courses, most recent enrollment first, each with where to continue', async () => {
    const db = await getDb();
    const learner = await person();
    await enroll(
      db,
      { userId: learner.id, courseSlug: TURNOUT, source: 'admin', actorId: null },
      new Date('2026-03-01T10:00:00Z'),
    );
    await enroll(
      db,
      { userId: learner.id, courseSlug: ORGANIZING, source: 'free', actorId: learner.id },
      new Date('2026-03-02T10:00:00Z'),
    );
    const [first, second] = await loadDashboard(learner.id, 'es');
    expect([first?.curriculum.slug, second?.curriculum.slug]).toEqual([ORGANIZING, TURNOUT]);
    // In the reader's language where the course has one.
    expect(first?.curriculum.courseLocale).toBe('es');
    expect(second?.curriculum.courseLocale).toBe('en');
    expect(second).toMatchObject({
      percent: 0,
      continueSlug: turnout.lessons[0]!.slug,
      started: false,
      complete: false,
      lessonsLeft: turnout.lessons.length,
      certificateId: null,
    });
  });

  it('drops a revoked course', async () => {
    const db = await getDb();
    const learner = await person();
    await enroll(db, { userId: learner.id, courseSlug: TURNOUT, source: 'admin', actorId: null });
    await revokeEnrollment(db, { userId: learner.id, courseSlug: TURNOUT, actorId: null });
    expect(await loadDashboard(learner.id, 'en')).toEqual([]);
    expect(await loadDashboardCourse(learner.id, TURNOUT, 'en')).toBeNull();
  });

  it('counts progress down to the certificate', async () => {
    const db = await getDb();
    const learner = await person();
    await enroll(db, { userId: learner.id, courseSlug: TURNOUT, source: 'admin', actorId: null });
    const slugs = turnout.lessons.map((l) => l.slug);
    await recordLessonView(db, learner.id, TURNOUT, slugs[0]!);
    await completeLesson(db, learner.id, TURNOUT, {
      slug: slugs[0]!,
      requiresQuiz: false,
      quizIds: [],
    });
    expect(await loadDashboardCourse(learner.id, TURNOUT, 'en')).toMatchObject({
      started: true,
      complete: false,
      lessonsLeft: slugs.length - 1,
      continueSlug: slugs[1],
    });

    for (const slug of slugs)
      await completeLesson(db, learner.id, TURNOUT, { slug, requiresQuiz: false, quizIds: [] });
    const certificate = await issueCertificateIfComplete(db, {
      userId: learner.id,
      courseSlug: TURNOUT,
      displayName: learner.displayName,
      lessonSlugs: slugs,
    });
    expect(await loadDashboardCourse(learner.id, TURNOUT, 'en')).toMatchObject({
      percent: 100,
      complete: true,
      lessonsLeft: 0,
      certificateId: certificate!.id,
    });
  });
});

describe('loadDashboardCourse', () => {
  it('is null for a course the learner is not enrolled in, or that does not exist', async () => {
    const learner = await person();
    expect(await loadDashboardCourse(learner.id, TURNOUT, 'en')).toBeNull();
    expect(await loadDashboardCourse(learner.id, 'no-such-course', 'en')).toBeNull();
  });
});
