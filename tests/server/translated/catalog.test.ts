import { describe, expect, it } from 'vitest';
import { asBuilt } from '../built';
import { getCurriculum, listCourses } from '~/server/catalog';

/**
 * The catalog over tests/server/translated-site/content: "half-translated" has three published
 * lessons, two of them translated into Spanish, and a draft lesson; "unfinished" is a draft course.
 */

const COURSE = 'half-translated';

const builtCatalog = () => asBuilt(() => import('~/server/catalog'));

describe('a course translated in part', () => {
  it('gives a Spanish reader each lesson in Spanish where it exists and in English elsewhere', async () => {
    const spanish = (await getCurriculum(COURSE, 'es'))!;
    const published = spanish.lessons.filter((l) => !l.data.draft);
    expect(published.map((l) => [l.id, l.locale, l.data.title])).toEqual([
      [`${COURSE}/es/first-steps`, 'es', 'Primeros pasos'],
      [`${COURSE}/second-steps`, null, 'Second steps'],
      [`${COURSE}/es/going-further`, 'es', 'Ir más lejos'],
    ]);
    expect(spanish).toMatchObject({ courseLocale: 'es', originalLanguage: 'en' });
    expect(spanish.course.title).toBe('A medio traducir');
    expect(
      spanish.modules.map((m) => [
        m.title,
        m.lessons.filter((l) => !l.data.draft).map((l) => l.slug),
      ]),
    ).toEqual([
      ['Lo básico', ['first-steps', 'second-steps']],
      ['Más', ['going-further']],
    ]);
  });

  it('gives an English reader the originals only', async () => {
    const english = (await getCurriculum(COURSE, 'en'))!;
    expect(english.lessons.filter((l) => !l.data.draft).map((l) => [l.id, l.locale])).toEqual([
      [`${COURSE}/first-steps`, null],
      [`${COURSE}/second-steps`, null],
      [`${COURSE}/going-further`, null],
    ]);
    expect(english).toMatchObject({ courseLocale: 'en', originalLanguage: 'en' });
    expect(english.course.title).toBe('Half translated');
  });
});

describe('drafts', () => {
  it('are shown while writing (astro dev): the draft course and the draft lesson', async () => {
    expect((await listCourses('en')).map((c) => c.slug).sort()).toEqual([COURSE, 'unfinished']);
    expect((await getCurriculum(COURSE, 'en'))!.lessons.map((l) => l.slug)).toContain(
      'work-in-progress',
    );
    expect((await getCurriculum('unfinished', 'en'))?.lessons.map((l) => l.slug)).toEqual([
      'opening',
    ]);
  });

  it('are hidden from a built server: no draft course, no draft lesson, and their minutes do not count', async () => {
    const built = await builtCatalog();
    for (const locale of ['en', 'es'] as const) {
      expect((await built.listCourses(locale)).map((c) => c.slug)).toEqual([COURSE]);
      expect(await built.getCurriculum('unfinished', locale)).toBeUndefined();
      const curriculum = (await built.getCurriculum(COURSE, locale))!;
      expect(curriculum.lessons.map((l) => l.slug)).toEqual([
        'first-steps',
        'second-steps',
        'going-further',
      ]);
      expect(curriculum.minutes).toBe(5 + 7 + 9);
      expect(curriculum.modules.map((m) => m.minutes)).toEqual([12, 9]);
    }
  });

  it('a built server keeps each locale’s curriculum apart', async () => {
    const built = await builtCatalog();
    const spanish = (await built.getCurriculum(COURSE, 'es'))!;
    const english = (await built.getCurriculum(COURSE, 'en'))!;
    expect(spanish.lessons.map((l) => l.data.title)).toEqual([
      'Primeros pasos',
      'Second steps',
      'Ir más lejos',
    ]);
    expect(english.lessons.map((l) => l.data.title)).toEqual([
      'First steps',
      'Second steps',
      'Going further',
    ]);
    expect(await built.getCurriculum(COURSE, 'es')).toBe(spanish);
  });
});
