import { getCollection, render, type CollectionEntry, type CollectionKey } from 'astro:content';
import { buildCurriculum, type Curriculum, type LessonSummary } from '~/lib/course/curriculum';
import type { Locale } from '~/lib/i18n/locales';
import { embeddedBots } from '~/lib/content/lesson-body';
import { perBuildMemo } from '~/lib/content/per-build';

/**
 * The content side of the site: turns Astro's collections into the plain shapes src/lib works
 * on. Drafts (courses and lessons) are visible in `astro dev` only.
 */
const includeDrafts = import.meta.env.DEV;

/**
 * Astro's getCollection and render() redo their work (and build an error object) on every call,
 * which was a large share of every page's time; what is derived from content is kept per build.
 */
const perBuild = perBuildMemo(!import.meta.env.DEV);

/** Every entry of a collection by id, once per build. */
export function entriesById<C extends CollectionKey>(
  collection: C,
): Promise<Map<string, CollectionEntry<C>>> {
  return perBuild(
    `entries ${collection}`,
    async () =>
      new Map(
        (await getCollection(collection)).map((entry) => [entry.id, entry as CollectionEntry<C>]),
      ),
  );
}

export interface LocalizedCurriculum extends Curriculum {
  /** The locale the course text is shown in (the original's when no translation exists). */
  courseLocale: Locale;
  /** The language the course was written in. */
  originalLanguage: Locale;
}

function toSummary(entry: CollectionEntry<'lessons'>): LessonSummary & { locale: Locale | null } {
  const [courseSlug = '', second = '', third] = entry.id.split('/');
  const translated = third !== undefined;
  return {
    id: entry.id,
    courseSlug,
    slug: translated ? third : second,
    data: entry.data,
    locale: translated ? (second as Locale) : null,
  };
}

/**
 * A course with its ordered lessons, in `locale` where a translation exists (lesson by lesson).
 * Undefined when the course does not exist or is a draft outside dev.
 */
export async function getCurriculum(
  slug: string,
  locale: Locale,
): Promise<LocalizedCurriculum | undefined> {
  return (await curriculaFor(locale)).get(slug);
}

/** Every live course's curriculum in `locale`, by slug (once per build and locale). */
function curriculaFor(locale: Locale): Promise<Map<string, LocalizedCurriculum>> {
  return perBuild(`curricula ${locale}`, async () => {
    const courses = await entriesById('courses');
    const curricula = new Map<string, LocalizedCurriculum>();
    for (const id of courses.keys()) {
      if (id.includes('/')) continue;
      const curriculum = await buildLocalizedCurriculum(id, locale);
      if (curriculum) curricula.set(id, curriculum);
    }
    return curricula;
  });
}

async function buildLocalizedCurriculum(
  slug: string,
  locale: Locale,
): Promise<LocalizedCurriculum | undefined> {
  const courses = await entriesById('courses');
  const original = courses.get(slug);
  if (!original || (original.data.status === 'draft' && !includeDrafts)) return undefined;
  const translation =
    locale !== original.data.language ? courses.get(`${slug}/${locale}`) : undefined;
  const all = [...(await entriesById('lessons')).values()]
    .filter((entry) => entry.id.startsWith(`${slug}/`))
    .map(toSummary);
  const originals = all.filter((lesson) => lesson.locale === null);
  const lessons = originals.map(
    (lesson) =>
      all.find(
        (t) => t.locale === locale && t.slug === lesson.slug && locale !== original.data.language,
      ) ?? lesson,
  );
  const course = translation?.data ?? original.data;
  return {
    ...buildCurriculum(slug, course, lessons, includeDrafts),
    courseLocale: translation ? locale : original.data.language,
    originalLanguage: original.data.language,
  };
}

/** Live courses for the catalog, in a stable order (title). */
export async function listCourses(locale: Locale): Promise<LocalizedCurriculum[]> {
  return perBuild(`course list ${locale}`, async () =>
    [...(await curriculaFor(locale)).values()].sort((a, b) =>
      a.course.title.localeCompare(b.course.title),
    ),
  );
}

/**
 * The bots (`<SandboxBot>`) and exercises (`<BotPlayground>`) a lesson embeds, read from its MDX
 * once per build rather than on every view.
 */
export function embeddedIn(
  entry: CollectionEntry<'lessons'>,
): Promise<{ bots: string[]; exercises: string[] }> {
  return perBuild(`embeds ${entry.id}`, async () => embeddedBots(entry.body ?? ''));
}

/** The renderable entry behind a lesson summary (for `renderContent()`). */
export async function getLessonEntry(id: string): Promise<CollectionEntry<'lessons'> | undefined> {
  return (await entriesById('lessons')).get(id);
}

export async function getInstructors(
  ids: readonly string[],
): Promise<CollectionEntry<'instructors'>[]> {
  const instructors = await entriesById('instructors');
  return ids
    .map((id) => instructors.get(id))
    .filter((entry): entry is CollectionEntry<'instructors'> => entry !== undefined);
}

/** An instructor by id (the id comes from the URL), or undefined. */
export async function getInstructor(
  id: string,
): Promise<CollectionEntry<'instructors'> | undefined> {
  return (await entriesById('instructors')).get(id);
}

export async function getTestimonials(
  courseSlug: string,
): Promise<CollectionEntry<'testimonials'>[]> {
  const entries = [...(await entriesById('testimonials')).values()].filter(
    (entry) => entry.data.course === courseSlug,
  );
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

type Rendered = Awaited<ReturnType<typeof render>>;

/**
 * Astro's render() for a content entry, once per build and entry: the `Content` component it
 * returns holds no request state, so every request can render the same one. Entries only come
 * from the collections (never from request input), so the cache is as large as the content.
 */
export function renderContent(
  entry: CollectionEntry<'lessons' | 'instructors' | 'pages'>,
): Promise<Rendered> {
  return perBuild(`render ${entry.collection} ${entry.id}`, () => render(entry));
}

/** Courses an instructor teaches, for their page. */
export async function coursesTaughtBy(
  instructorId: string,
  locale: Locale,
): Promise<LocalizedCurriculum[]> {
  return (await listCourses(locale)).filter((c) => c.course.instructors.includes(instructorId));
}

/**
 * The participation values page, the one text every account accepts (by its version): for the
 * page itself, the sign-up form, the "values changed" banner and the endpoint that records it.
 */
export async function getValuesPage(): Promise<CollectionEntry<'pages'> | undefined> {
  return (await entriesById('pages')).get('participation-values');
}
