import { describe, expect, it } from 'vitest';
import { revokeEnrollment } from '~/lib/enrollment/enrollment';
import type { Locale } from '~/lib/i18n/locales';
import { completeLesson, getCourseProgress } from '~/lib/progress/progress';
import { recordQuizAttempt } from '~/lib/progress/quiz';
import type { SessionUser } from '~/lib/auth/user';
import { getCurriculum } from '~/server/catalog';
import { lessonPageStamp, loadLessonPage, type LessonPage } from '~/server/lesson-page';
import { getDb } from '~/server/runtime';
import { enrolledPerson, person } from './people';

/** The lesson loader over the project's own content and a real database. */

const COURSE = 'chatbots-for-organizing';
const curriculum = (await getCurriculum(COURSE, 'en'))!;
const previewLesson = curriculum.lessons.find((l) => l.data.preview && l.data.quizzes.length > 0)!;
const gatedLesson = curriculum.lessons.find((l) => !l.data.preview && l.data.quizzes.length > 0)!;
const previewSlugs = curriculum.lessons.filter((l) => l.data.preview).map((l) => l.slug);

function load(
  user: SessionUser | null,
  lessonSlug: string,
  options: { locale?: Locale; courseSlug?: string; query?: string } = {},
): Promise<LessonPage> {
  const courseSlug = options.courseSlug ?? COURSE;
  const path = `/courses/${courseSlug}/${lessonSlug}`;
  return loadLessonPage({
    courseSlug,
    lessonSlug,
    locale: options.locale ?? 'en',
    user,
    url: new URL(`http://localhost${path}${options.query ?? ''}`),
    returnPath: path,
  });
}

function ok(page: LessonPage): Extract<LessonPage, { kind: 'ok' }> {
  if (page.kind !== 'ok') throw new Error(`expected the lesson, got ${page.kind}`);
  return page;
}

const enrolled = () => enrolledPerson(COURSE);

async function viewedBy(user: SessionUser): Promise<Set<string>> {
  return (await getCourseProgress(await getDb(), user.id, curriculum)).viewed;
}

it('the content has what these tests need: a preview and a gated lesson, each with a quiz', () => {
  expect(previewLesson).toBeDefined();
  expect(gatedLesson).toBeDefined();
});

describe('a visitor (not signed in)', () => {
  it('reads a preview lesson, untracked, with only the previews open in the outline', async () => {
    const page = ok(await load(null, previewLesson.slug));
    expect(page.access).toEqual({ allowed: true, via: 'preview' });
    expect(page.tracked).toBe(false);
    expect(page.context).toMatchObject({
      courseSlug: COURSE,
      lessonSlug: previewLesson.slug,
      tracked: false,
      returnPath: `/courses/${COURSE}/${previewLesson.slug}`,
    });
    expect(page.entry.id).toBe(previewLesson.id);
    expect([...page.openable]).toEqual(previewSlugs);
    expect(page.percent).toBe(0);
    expect(page.completed.size).toBe(0);
    const index = curriculum.lessons.findIndex((l) => l.slug === previewLesson.slug);
    expect(page.previous?.slug ?? null).toBe(curriculum.lessons[index - 1]?.slug ?? null);
    expect(page.next?.slug ?? null).toBe(curriculum.lessons[index + 1]?.slug ?? null);
  });

  it('sees a quiz answered through the URL graded, and nothing else', async () => {
    const quiz = previewLesson.data.quizzes[0]!;
    const wrong = (quiz.answer + 1) % quiz.options.length;
    const right = ok(
      await load(null, previewLesson.slug, { query: `?quiz=${quiz.id}&answer=${quiz.answer}` }),
    );
    expect(right.context.quizzes.get(quiz.id)?.result).toEqual({
      chosen: quiz.answer,
      correct: true,
    });
    const missed = ok(
      await load(null, previewLesson.slug, { query: `?quiz=${quiz.id}&answer=${wrong}` }),
    );
    expect(missed.context.quizzes.get(quiz.id)?.result).toEqual({ chosen: wrong, correct: false });
    for (const bad of [`${quiz.options.length}`, '-1', '1.5', 'x']) {
      const page = ok(
        await load(null, previewLesson.slug, { query: `?quiz=${quiz.id}&answer=${bad}` }),
      );
      expect(page.context.quizzes.get(quiz.id)?.result).toBeNull();
    }
    // No answer at all is not the first option.
    for (const query of [
      `?quiz=${quiz.id}`,
      `?quiz=${quiz.id}&answer=`,
      `?quiz=${quiz.id}&answer=%20`,
    ]) {
      expect(
        ok(await load(null, previewLesson.slug, { query })).context.quizzes.get(quiz.id)?.result,
        query,
      ).toBeNull();
    }
    const otherQuiz = ok(
      await load(null, previewLesson.slug, { query: `?quiz=not-${quiz.id}&answer=${quiz.answer}` }),
    );
    expect(otherQuiz.context.quizzes.get(quiz.id)?.result).toBeNull();
  });

  it('is asked to log in for a gated lesson', async () => {
    expect(await load(null, gatedLesson.slug)).toEqual({ kind: 'login-required' });
  });
});

describe('a signed-in learner who is not enrolled', () => {
  it('is refused a gated lesson, with the course to point them to', async () => {
    const learner = await person();
    const page = await load(learner, gatedLesson.slug);
    expect(page.kind).toBe('forbidden');
    if (page.kind === 'forbidden') {
      expect(page.curriculum.slug).toBe(COURSE);
      expect(page.lesson.slug).toBe(gatedLesson.slug);
    }
    expect((await viewedBy(learner)).size).toBe(0);
  });

  it('reads a preview lesson without anything being stored', async () => {
    const learner = await person();
    const page = ok(await load(learner, previewLesson.slug));
    expect(page.access).toEqual({ allowed: true, via: 'preview' });
    expect(page.tracked).toBe(false);
    expect([...page.openable]).toEqual(previewSlugs);
    expect((await viewedBy(learner)).size).toBe(0);
  });
});

describe('an enrolled learner', () => {
  it('opens any lesson, which records the view, and sees the whole outline open', async () => {
    const learner = await enrolled();
    const page = ok(await load(learner, gatedLesson.slug));
    expect(page.access).toEqual({ allowed: true, via: 'enrolled' });
    expect(page.tracked).toBe(true);
    expect(page.context.tracked).toBe(true);
    expect([...page.openable]).toEqual(curriculum.lessons.map((l) => l.slug));
    expect([...(await viewedBy(learner))]).toEqual([gatedLesson.slug]);
  });

  it('is tracked on a preview lesson too', async () => {
    const learner = await enrolled();
    expect(ok(await load(learner, previewLesson.slug)).access).toEqual({
      allowed: true,
      via: 'enrolled',
    });
    expect([...(await viewedBy(learner))]).toEqual([previewLesson.slug]);
  });

  it('sees their completed lessons, their percent and their last answer to each quiz (never the URL’s)', async () => {
    const learner = await enrolled();
    const db = await getDb();
    const quiz = gatedLesson.data.quizzes[0]!;
    const wrong = (quiz.answer + 1) % quiz.options.length;
    await recordQuizAttempt(db, {
      userId: learner.id,
      courseSlug: COURSE,
      lessonSlug: gatedLesson.slug,
      quiz,
      chosen: wrong,
    });
    const first = ok(
      await load(learner, gatedLesson.slug, { query: `?quiz=${quiz.id}&answer=${quiz.answer}` }),
    );
    expect(first.context.quizzes.get(quiz.id)?.result).toEqual({ chosen: wrong, correct: false });
    expect(first.completed.size).toBe(0);
    expect(first.percent).toBe(0);

    for (const q of gatedLesson.data.quizzes)
      await recordQuizAttempt(db, {
        userId: learner.id,
        courseSlug: COURSE,
        lessonSlug: gatedLesson.slug,
        quiz: q,
        chosen: q.answer,
      });
    const done = await completeLesson(db, learner.id, COURSE, {
      slug: gatedLesson.slug,
      requiresQuiz: gatedLesson.data.requiresQuiz,
      quizIds: gatedLesson.data.quizzes.map((q) => q.id),
    });
    expect(done.ok).toBe(true);
    const after = ok(await load(learner, gatedLesson.slug));
    expect(after.context.quizzes.get(quiz.id)?.result).toEqual({
      chosen: quiz.answer,
      correct: true,
    });
    expect([...after.completed]).toEqual([gatedLesson.slug]);
    expect(after.percent).toBe(Math.floor(100 / curriculum.lessons.length));
  });

  it('loses a gated lesson on the very next call once the enrollment is revoked', async () => {
    const learner = await enrolled();
    expect(ok(await load(learner, gatedLesson.slug)).tracked).toBe(true);
    const quiz = previewLesson.data.quizzes[0]!;
    await recordQuizAttempt(await getDb(), {
      userId: learner.id,
      courseSlug: COURSE,
      lessonSlug: previewLesson.slug,
      quiz,
      chosen: quiz.answer,
    });
    await completeLesson(await getDb(), learner.id, COURSE, {
      slug: previewLesson.slug,
      requiresQuiz: false,
      quizIds: [],
    });
    const revoked = await revokeEnrollment(await getDb(), {
      userId: learner.id,
      courseSlug: COURSE,
      actorId: null,
      reason: 'test',
    });
    expect(revoked.ok).toBe(true);
    expect((await load(learner, gatedLesson.slug)).kind).toBe('forbidden');
    // A preview stays readable, but is no longer tracked: what was stored while enrolled (an
    // answer, a completion) is not shown, though it is read alongside the access check.
    const preview = ok(await load(learner, previewLesson.slug));
    expect(preview.access).toEqual({ allowed: true, via: 'preview' });
    expect(preview.tracked).toBe(false);
    expect(preview.context.quizzes.get(quiz.id)?.result).toBeNull();
    expect(preview.completed.size).toBe(0);
    expect(preview.percent).toBe(0);
    expect([...(await viewedBy(learner))].sort()).toEqual(
      [gatedLesson.slug, previewLesson.slug].sort(),
    );
  });
});

describe('staff', () => {
  it('an instructor or admin opens every lesson without enrolling, tracked, the whole outline open', async () => {
    for (const role of ['instructor', 'admin'] as const) {
      const staff = await person(role);
      const page = ok(await load(staff, gatedLesson.slug));
      expect(page.access).toEqual({ allowed: true, via: 'staff' });
      expect(page.tracked).toBe(true);
      expect([...page.openable]).toEqual(curriculum.lessons.map((l) => l.slug));
    }
  });
});

describe('unknown places', () => {
  it('answers not-found for an unknown course or lesson, whoever asks', async () => {
    const admin = await person('admin');
    for (const user of [null, admin]) {
      expect(await load(user, gatedLesson.slug, { courseSlug: 'no-such-course' })).toEqual({
        kind: 'not-found',
      });
      expect(await load(user, 'no-such-lesson')).toEqual({ kind: 'not-found' });
      // A translation's id is not a lesson slug.
      expect(await load(user, `es/${gatedLesson.slug}`)).toEqual({ kind: 'not-found' });
    }
  });
});

describe('in Spanish', () => {
  it('shows the Spanish lesson and shares progress with the English one', async () => {
    const learner = await enrolled();
    const page = ok(await load(learner, gatedLesson.slug, { locale: 'es' }));
    expect(page.entry.id).toBe(`${COURSE}/es/${gatedLesson.slug}`);
    expect(page.lesson.slug).toBe(gatedLesson.slug);
    expect(page.curriculum.courseLocale).toBe('es');
    expect([...(await viewedBy(learner))]).toEqual([gatedLesson.slug]);
    expect(page.context.quizzes.size).toBe(page.entry.data.quizzes.length);
  });
});

describe('the stamp a kept lesson page is shared under', () => {
  const stampOf = async (user: SessionUser | null, slug = gatedLesson.slug) => {
    const page = await load(user, slug);
    if (page.kind !== 'ok' && page.kind !== 'forbidden') throw new Error(page.kind);
    return lessonPageStamp(page, user);
  };

  it('is the same for two learners in the same state, and holds nothing that says who they are', async () => {
    const [a, b] = [await enrolled(), await enrolled()];
    const stamp = await stampOf(a);
    expect(await stampOf(b)).toBe(stamp);
    for (const identity of [a.email, b.email, a.displayName, String(a.id), String(b.id)])
      expect(stamp).not.toContain(identity);
  });

  it('differs as soon as what the page shows of a learner differs', async () => {
    const db = await getDb();
    const [a, b] = [await enrolled(), await enrolled()];
    const quiz = gatedLesson.data.quizzes[0]!;
    await recordQuizAttempt(db, {
      userId: a.id,
      courseSlug: COURSE,
      lessonSlug: gatedLesson.slug,
      quiz,
      chosen: quiz.answer,
    });
    expect(await stampOf(a)).not.toBe(await stampOf(b));
    // A completion elsewhere in the course changes the outline and the percent on every lesson.
    const other = curriculum.lessons.find(
      (l) => !l.data.requiresQuiz && l.slug !== gatedLesson.slug,
    )!;
    const c = await enrolled();
    const before = await stampOf(c);
    const done = await completeLesson(db, c.id, COURSE, {
      slug: other.slug,
      requiresQuiz: false,
      quizIds: other.data.quizzes.map((q) => q.id),
    });
    expect(done.ok).toBe(true);
    expect(await stampOf(c)).not.toBe(before);
  });

  it('differs by what the header and the values banner show: signed in or not, role, values accepted', async () => {
    const learner = await person();
    const stamps = new Set([
      await stampOf(null, previewLesson.slug),
      await stampOf(learner, previewLesson.slug),
      await stampOf({ ...learner, valuesVersion: 0 }, previewLesson.slug),
      await stampOf(await person('instructor'), previewLesson.slug),
      await stampOf(await person('admin'), previewLesson.slug),
    ]);
    expect(stamps.size).toBe(5);
  });

  it('is the refusal once the enrollment is revoked', async () => {
    const learner = await enrolled();
    const enrolledStamp = await stampOf(learner);
    await revokeEnrollment(await getDb(), {
      userId: learner.id,
      courseSlug: COURSE,
      actorId: null,
      reason: 'test',
    });
    const refused = await stampOf(learner);
    expect(refused).not.toBe(enrolledStamp);
    expect(JSON.parse(refused).kind).toBe('forbidden');
  });
});
