import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueCertificateIfComplete } from '~/lib/progress/certificate';
import { completeLesson, recordLessonView } from '~/lib/progress/progress';
import { moderateTestimonial, submitTestimonial } from '~/lib/testimonials/testimonials';
import { getCurriculum, getTestimonials } from '~/server/catalog';
import { loadCourseLanding } from '~/server/course-landing';
import { getDb } from '~/server/runtime';
import { enrolledPerson, person } from './people';

/** The course landing page's data over the project's own content and a real database. */

const COURSE = 'texting-for-turnout';
const curriculum = (await getCurriculum(COURSE, 'en'))!;
const allSlugs = curriculum.lessons.map((l) => l.slug);
const previewSlugs = curriculum.lessons.filter((l) => l.data.preview).map((l) => l.slug);

const enrolled = () => enrolledPerson(COURSE);

describe('loadCourseLanding', () => {
  it('knows no unknown course', async () => {
    expect(await loadCourseLanding('no-such-course', 'en', null)).toBeUndefined();
  });

  it('shows a visitor the course, its instructors in the course’s order, and only the previews open', async () => {
    const landing = (await loadCourseLanding(COURSE, 'en', null))!;
    expect(landing.standing).toEqual({ kind: 'visitor' });
    expect(landing.curriculum.slug).toBe(COURSE);
    expect(landing.instructors.map((i) => i.id)).toEqual(curriculum.course.instructors);
    expect([...landing.openable]).toEqual(previewSlugs);
  });

  it('tells a signed-in learner who is not enrolled apart from staff, who may open everything', async () => {
    expect((await loadCourseLanding(COURSE, 'en', await person()))!.standing).toEqual({
      kind: 'not-enrolled',
    });
    for (const role of ['instructor', 'admin'] as const) {
      const landing = (await loadCourseLanding(COURSE, 'en', await person(role)))!;
      expect(landing.standing).toEqual({ kind: 'staff' });
      expect([...landing.openable]).toEqual(allSlugs);
    }
  });

  it('shows an enrolled learner where to start, then where to continue, then that they are done', async () => {
    const learner = await enrolled();
    const db = await getDb();
    const fresh = (await loadCourseLanding(COURSE, 'en', learner))!;
    expect(fresh.standing).toEqual({
      kind: 'enrolled',
      percent: 0,
      continueSlug: allSlugs[0],
      started: false,
      complete: false,
    });
    expect([...fresh.openable]).toEqual(allSlugs);

    await recordLessonView(db, learner.id, COURSE, allSlugs[0]!);
    await completeLesson(db, learner.id, COURSE, {
      slug: allSlugs[0]!,
      requiresQuiz: false,
      quizIds: [],
    });
    const started = (await loadCourseLanding(COURSE, 'en', learner))!.standing;
    expect(started).toMatchObject({
      kind: 'enrolled',
      started: true,
      complete: false,
      percent: Math.floor(100 / allSlugs.length),
    });
    expect(started.kind === 'enrolled' && started.continueSlug).toBe(allSlugs[1]);

    for (const slug of allSlugs)
      await completeLesson(db, learner.id, COURSE, { slug, requiresQuiz: false, quizIds: [] });
    expect((await loadCourseLanding(COURSE, 'en', learner))!.standing).toMatchObject({
      kind: 'enrolled',
      percent: 100,
      complete: true,
    });
  });

  it('shows approved testimonials from learners before the authored ones, and nothing pending or rejected', async () => {
    const db = await getDb();
    const admin = await person('admin');
    const quotes: string[] = [];
    for (const decision of ['approved', 'rejected', 'pending'] as const) {
      const learner = await enrolled();
      for (const slug of allSlugs)
        await completeLesson(db, learner.id, COURSE, { slug, requiresQuiz: false, quizIds: [] });
      await issueCertificateIfComplete(db, {
        userId: learner.id,
        courseSlug: COURSE,
        displayName: learner.displayName,
        lessonSlugs: allSlugs,
      });
      const quote = `A ${decision} testimonial, ${randomUUID()}, long enough to pass.`;
      quotes.push(quote);
      const submitted = await submitTestimonial(db, {
        userId: learner.id,
        courseSlug: COURSE,
        quote,
        name: 'Learner',
        consent: true,
      });
      if (!submitted.ok) throw new Error(submitted.error);
      if (decision !== 'pending')
        await moderateTestimonial(db, admin.id, submitted.value.id, decision);
    }
    const landing = (await loadCourseLanding(COURSE, 'en', null))!;
    const shown = landing.testimonials.map((t) => t.quote);
    expect(shown).toContain(quotes[0]);
    expect(shown).not.toContain(quotes[1]);
    expect(shown).not.toContain(quotes[2]);
    const authored = (await getTestimonials(COURSE)).map((t) => t.data.quote);
    // Learners' own words first, then the authored ones in file order, flagged as samples where they are.
    expect(shown.slice(shown.length - authored.length)).toEqual(authored);
    expect(landing.testimonials.find((t) => t.quote === quotes[0])?.sample).toBe(false);
    expect(shown.indexOf(quotes[0]!)).toBeLessThan(shown.length - authored.length);
  });
});
