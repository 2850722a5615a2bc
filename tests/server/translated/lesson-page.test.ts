import { describe, expect, it } from 'vitest';
import { asBuilt } from '../built';
import { enroll } from '~/lib/enrollment/enrollment';
import type { Locale } from '~/lib/i18n/locales';
import type { SessionUser } from '~/lib/auth/user';
import { getCurriculum } from '~/server/catalog';
import { loadLessonPage, type LessonPage } from '~/server/lesson-page';
import { getDb } from '~/server/runtime';
import { getCourseProgress } from '~/lib/progress/progress';
import { person } from '../people';

/** The lesson loader over tests/server/translated-site: Spanish where translated, English elsewhere. */

const COURSE = 'half-translated';

function load(
  user: SessionUser | null,
  lessonSlug: string,
  locale: Locale,
  loader = loadLessonPage,
): Promise<LessonPage> {
  const path = `/courses/${COURSE}/${lessonSlug}`;
  return loader({
    courseSlug: COURSE,
    lessonSlug,
    locale,
    user,
    url: new URL(`http://localhost${path}`),
    returnPath: path,
  });
}

function ok(page: LessonPage): Extract<LessonPage, { kind: 'ok' }> {
  if (page.kind !== 'ok') throw new Error(`expected the lesson, got ${page.kind}`);
  return page;
}

describe('a Spanish reader', () => {
  it('gets the Spanish lesson where there is one and the English original where there is not', async () => {
    const learner = await person();
    await enroll(await getDb(), {
      userId: learner.id,
      courseSlug: COURSE,
      source: 'free',
      actorId: learner.id,
    });

    const translated = ok(await load(learner, 'first-steps', 'es'));
    expect(translated.entry.id).toBe(`${COURSE}/es/first-steps`);
    expect(translated.entry.body).toContain('Texto en español');

    const untranslated = ok(await load(learner, 'second-steps', 'es'));
    expect(untranslated.entry.id).toBe(`${COURSE}/second-steps`);
    expect(untranslated.lesson.locale).toBeNull();
    expect(untranslated.entry.body).toContain('English only so far');
    // The English lesson's own quiz, in a Spanish page.
    expect([...untranslated.context.quizzes.keys()]).toEqual(['next-step']);
    // Neighbours come from the Spanish curriculum, whichever language each lesson is in.
    expect(untranslated.previous?.id).toBe(`${COURSE}/es/first-steps`);
    expect(untranslated.next?.id).toBe(`${COURSE}/es/going-further`);

    // One learner, one progress: reading in either language counts the same lessons.
    const curriculum = (await getCurriculum(COURSE, 'en'))!;
    expect(
      [...(await getCourseProgress(await getDb(), learner.id, curriculum)).viewed].sort(),
    ).toEqual(['first-steps', 'second-steps']);
  });
});

describe('a draft lesson', () => {
  it('opens while writing (astro dev) and is not found on a built server', async () => {
    const admin = await person('admin');
    expect(ok(await load(admin, 'work-in-progress', 'en')).entry.id).toBe(
      `${COURSE}/work-in-progress`,
    );

    const built = await asBuilt(() => import('~/server/lesson-page'));
    // Whoever asks: the lesson is gone before anyone's access is looked at.
    expect(await load(null, 'work-in-progress', 'en', built.loadLessonPage)).toEqual({
      kind: 'not-found',
    });
    expect(ok(await load(null, 'first-steps', 'en', built.loadLessonPage)).openable).toEqual(
      new Set(['first-steps']),
    );
  });
});
