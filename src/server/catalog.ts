import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { buildCurriculum, type Curriculum, type LessonSummary } from '~/lib/course/curriculum';
import type { Locale } from '~/lib/i18n/locales';

/**
 * The content side of the site: turns Astro's collections into the plain shapes src/lib works
 * on. Drafts (courses and lessons) are visible in `astro dev` only.
 */
const includeDrafts = import.meta.env.DEV;

export interface LocalizedCurriculum extends Curriculum {
  /** The locale the course text is shown in (the original's when no translation exists). */
  courseLocale: Locale;
  /** The language the course was written in. */
  originalLanguage: Locale;
}

function toSummary(entry: CollectionEntry<'lessons'>): LessonSummary & { locale: Locale | null } {
  const [courseSlug = '', second = '', third] = entry.id.split('/');
  const translated = third !== undefined;
  return { id: entry.id, courseSlug, slug: translated ? third : second, data: entry.data, locale: translated ? (second as Locale) : null };
}

/**
 * A course with its ordered lessons, in `locale` where a translation exists (lesson by lesson).
 * Undefined when the course does not exist or is a draft outside dev.
 */
export async function getCurriculum(slug: string, locale: Locale): Promise<LocalizedCurriculum | undefined> {
  const original = await getEntry('courses', slug);
  if (!original || (original.data.status === 'draft' && !includeDrafts)) return undefined;
  // Looked up in the collection rather than with getEntry, which logs a warning for every miss.
  const translation = locale !== original.data.language ? (await getCollection('courses')).find((entry) => entry.id === `${slug}/${locale}`) : undefined;
  const all = (await getCollection('lessons', (entry) => entry.id.startsWith(`${slug}/`))).map(toSummary);
  const originals = all.filter((lesson) => lesson.locale === null);
  const lessons = originals.map((lesson) => all.find((t) => t.locale === locale && t.slug === lesson.slug && locale !== original.data.language) ?? lesson);
  const course = translation?.data ?? original.data;
  return { ...buildCurriculum(slug, course, lessons, includeDrafts), courseLocale: translation ? locale : original.data.language, originalLanguage: original.data.language };
}

/** Live courses for the catalog, in a stable order (title). */
export async function listCourses(locale: Locale): Promise<LocalizedCurriculum[]> {
  const entries = await getCollection('courses', (entry) => !entry.id.includes('/'));
  const curricula = await Promise.all(entries.map((entry) => getCurriculum(entry.id, locale)));
  return curricula.filter((c): c is LocalizedCurriculum => c !== undefined).sort((a, b) => a.course.title.localeCompare(b.course.title));
}

/** The renderable entry behind a lesson summary (for `render()`). */
export async function getLessonEntry(id: string): Promise<CollectionEntry<'lessons'> | undefined> {
  return getEntry('lessons', id);
}

export async function getInstructors(ids: readonly string[]): Promise<CollectionEntry<'instructors'>[]> {
  const entries = await Promise.all(ids.map((id) => getEntry('instructors', id)));
  return entries.filter((entry): entry is CollectionEntry<'instructors'> => entry !== undefined);
}

export async function getTestimonials(courseSlug: string): Promise<CollectionEntry<'testimonials'>[]> {
  const entries = await getCollection('testimonials', (entry) => entry.data.course === courseSlug);
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** Courses an instructor teaches, for their page. */
export async function coursesTaughtBy(instructorId: string, locale: Locale): Promise<LocalizedCurriculum[]> {
  return (await listCourses(locale)).filter((c) => c.course.instructors.includes(instructorId));
}
