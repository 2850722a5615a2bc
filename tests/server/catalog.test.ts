import { getCollection, getEntry } from 'astro:content';
import { describe, expect, it } from 'vitest';
import { asBuilt } from './built';
import {
  coursesTaughtBy,
  getCurriculum,
  getInstructor,
  getInstructors,
  getLessonEntry,
  getTestimonials,
  listCourses,
} from '~/server/catalog';

/** The catalog over the project's own content/: what learners see. */

const ORGANIZING = 'chatbots-for-organizing';
const TURNOUT = 'texting-for-turnout';

describe('getCurriculum', () => {
  it('shows a translated course in Spanish: its Spanish course text and every lesson’s Spanish version, in the original’s order', async () => {
    const english = (await getCurriculum(ORGANIZING, 'en'))!;
    const spanish = (await getCurriculum(ORGANIZING, 'es'))!;
    const spanishCourse = await getEntry('courses', `${ORGANIZING}/es`);

    expect(spanish).toMatchObject({ slug: ORGANIZING, courseLocale: 'es', originalLanguage: 'en' });
    expect(spanish.course.title).toBe(spanishCourse!.data.title);
    expect(spanish.course.title).not.toBe(english.course.title);
    // Same slugs in the same order: progress is kept per slug, whatever language a learner reads.
    expect(spanish.lessons.map((l) => l.slug)).toEqual(english.lessons.map((l) => l.slug));
    for (const lesson of spanish.lessons) {
      expect(lesson.id).toBe(`${ORGANIZING}/es/${lesson.slug}`);
      expect(lesson.locale).toBe('es');
      expect(lesson.data.title).toBe((await getEntry('lessons', lesson.id))!.data.title);
    }
  });

  it('shows the English original to a Spanish reader where no translation exists, and says so', async () => {
    const spanish = (await getCurriculum(TURNOUT, 'es'))!;
    const english = (await getCurriculum(TURNOUT, 'en'))!;
    expect((await getCollection('courses')).map((c) => c.id)).not.toContain(`${TURNOUT}/es`);
    expect(spanish).toMatchObject({ courseLocale: 'en', originalLanguage: 'en' });
    expect(spanish.course.title).toBe(english.course.title);
    expect(spanish.lessons.map((l) => l.id)).toEqual(english.lessons.map((l) => l.id));
    expect(spanish.lessons.every((l) => l.locale === null)).toBe(true);
  });

  it('shows English readers the originals, never a translation', async () => {
    const english = (await getCurriculum(ORGANIZING, 'en'))!;
    expect(english).toMatchObject({ courseLocale: 'en', originalLanguage: 'en' });
    expect(english.lessons.length).toBeGreaterThan(0);
    for (const lesson of english.lessons) expect(lesson.id).toBe(`${ORGANIZING}/${lesson.slug}`);
  });

  it('orders lessons by module, then by their order within it, and adds up the minutes', async () => {
    const curriculum = (await getCurriculum(ORGANIZING, 'en'))!;
    const moduleIds = curriculum.course.modules.map((m) => m.id);
    const keys = curriculum.lessons.map(
      (l) => [moduleIds.indexOf(l.data.module), l.data.order] as const,
    );
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(curriculum.lessons).toEqual(curriculum.modules.flatMap((m) => m.lessons));
    expect(curriculum.minutes).toBe(
      curriculum.lessons.reduce((sum, l) => sum + l.data.duration, 0),
    );
  });

  it('has every lesson file of the course in its curriculum, and nothing else', async () => {
    const files = (await getCollection('lessons'))
      .filter((e) => e.id.startsWith(`${TURNOUT}/`))
      .map((e) => e.id);
    expect((await getCurriculum(TURNOUT, 'en'))!.lessons.map((l) => l.id).sort()).toEqual(
      files.sort(),
    );
  });

  it('knows no course by an unknown slug, nor by the id of a translation', async () => {
    expect(await getCurriculum('no-such-course', 'en')).toBeUndefined();
    expect(await getCurriculum(`${ORGANIZING}/es`, 'es')).toBeUndefined();
    expect(await getCurriculum('../chatbots-for-organizing', 'en')).toBeUndefined();
  });
});

describe('listCourses', () => {
  it('lists every live course once, by title in the reader’s language', async () => {
    for (const locale of ['en', 'es'] as const) {
      const courses = await listCourses(locale);
      expect(courses.map((c) => c.slug).sort()).toEqual([ORGANIZING, TURNOUT]);
      const titles = courses.map((c) => c.course.title);
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    }
    const spanishTitles = (await listCourses('es')).map((c) => c.course.title);
    expect(spanishTitles).toContain((await getEntry('courses', `${ORGANIZING}/es`))!.data.title);
  });
});

describe('instructors', () => {
  it('finds an instructor by id, and nobody by an unknown one', async () => {
    expect((await getInstructor('deepak-puri'))?.data.name).toBe('Deepak Puri');
    expect(await getInstructor('nobody-here')).toBeUndefined();
  });

  it('returns the instructors asked for in the order asked, leaving out unknown ids', async () => {
    const found = await getInstructors(['steve-nagai-ma', 'nobody-here', 'deepak-puri']);
    expect(found.map((i) => i.id)).toEqual(['steve-nagai-ma', 'deepak-puri']);
  });

  it('lists the courses each instructor teaches', async () => {
    const bySlugs = async (id: string) =>
      (await coursesTaughtBy(id, 'en')).map((c) => c.slug).sort();
    for (const course of await listCourses('en')) {
      for (const id of course.course.instructors) expect(await bySlugs(id)).toContain(course.slug);
    }
    const turnoutTeam = (await getCurriculum(TURNOUT, 'en'))!.course.instructors;
    const organizingOnly = (await getCurriculum(ORGANIZING, 'en'))!.course.instructors.filter(
      (id) => !turnoutTeam.includes(id),
    );
    expect(organizingOnly.length).toBeGreaterThan(0);
    for (const id of organizingOnly) expect(await bySlugs(id)).toEqual([ORGANIZING]);
    expect(await bySlugs('nobody-here')).toEqual([]);
  });
});

describe('content lookups', () => {
  it('finds a lesson entry by id, the Spanish one included', async () => {
    expect((await getLessonEntry(`${ORGANIZING}/es/how-chatbots-work`))?.data.title).toBe(
      (await getEntry('lessons', `${ORGANIZING}/es/how-chatbots-work`))!.data.title,
    );
    expect(await getLessonEntry(`${ORGANIZING}/no-such-lesson`)).toBeUndefined();
  });

  it('gives a course page the authored testimonials of that course only, in file order', async () => {
    const testimonials = await getTestimonials(ORGANIZING);
    expect(testimonials.length).toBeGreaterThan(0);
    expect(testimonials.every((t) => t.data.course === ORGANIZING)).toBe(true);
    expect(testimonials.map((t) => t.id)).toEqual(testimonials.map((t) => t.id).sort());
    expect(await getTestimonials('no-such-course')).toEqual([]);
  });
});

describe('in a built server (content fixed for the life of the process)', () => {
  const builtCatalog = () => asBuilt(() => import('~/server/catalog'));

  it('works each curriculum out once per locale and keeps the locales apart', async () => {
    const built = await builtCatalog();
    // Spanish first: a cache keyed without the locale would then hand English readers Spanish.
    const spanish = await built.getCurriculum(ORGANIZING, 'es');
    const english = await built.getCurriculum(ORGANIZING, 'en');
    expect(spanish?.courseLocale).toBe('es');
    expect(english?.courseLocale).toBe('en');
    expect(english?.lessons.every((l) => l.locale === null)).toBe(true);
    expect(await built.getCurriculum(ORGANIZING, 'es')).toBe(spanish);
    expect(await built.getCurriculum(ORGANIZING, 'en')).toBe(english);
    expect((await built.listCourses('es')).find((c) => c.slug === ORGANIZING)).toBe(spanish);
    expect((await built.listCourses('en')).find((c) => c.slug === ORGANIZING)).toBe(english);
  });

  it('in astro dev works it out again on every call, so authors see their edits', async () => {
    expect(await getCurriculum(ORGANIZING, 'en')).not.toBe(await getCurriculum(ORGANIZING, 'en'));
  });
});
