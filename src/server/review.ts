import { getCollection } from 'astro:content';
import { localePath, isLocale } from '~/lib/i18n/locales';
import { reviewSchedule, type ReviewedLesson, type ReviewSchedule } from '~/lib/content/review';

const includeDrafts = import.meta.env.DEV;

/**
 * Every published lesson that carries a review date, in both languages, sorted into those due
 * for review by `dueBy` (default: the next 30 days) and the next one after (src/lib/content/review.ts).
 */
export async function loadReviewSchedule(today: Date, dueBy?: Date): Promise<ReviewSchedule> {
  const courses = new Map(
    (await getCollection('courses', (entry) => !entry.id.includes('/'))).map((entry) => [
      entry.id,
      entry.data,
    ]),
  );
  const lessons: ReviewedLesson[] = [];
  for (const entry of await getCollection('lessons')) {
    const [courseSlug = '', second = '', third] = entry.id.split('/');
    const course = courses.get(courseSlug);
    if (
      !course ||
      !entry.data.reviewed ||
      (!includeDrafts && (entry.data.draft || course.status === 'draft'))
    )
      continue;
    const locale = third !== undefined && isLocale(second) ? second : course.language;
    const slug = third ?? second;
    lessons.push({
      courseTitle: course.title,
      title: entry.data.title,
      locale,
      href: localePath(locale, `/courses/${courseSlug}/lessons/${slug}`),
      reviewed: entry.data.reviewed,
      sourceCount: entry.data.sources.length,
    });
  }
  return reviewSchedule(lessons, today, dueBy);
}
