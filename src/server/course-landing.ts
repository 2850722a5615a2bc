import type { CollectionEntry } from 'astro:content';
import type { Curriculum } from '~/lib/course/curriculum';
import { getEnrollment } from '~/lib/enrollment/enrollment';
import type { Locale } from '~/lib/i18n/locales';
import { getCourseProgress } from '~/lib/progress/progress';
import { resumeLesson } from '~/lib/progress/resume';
import {
  approvedTestimonials,
  type PublishedTestimonial,
  type TestimonialView,
} from '~/lib/testimonials/testimonials';
import type { SessionUser } from '~/lib/auth/user';
import {
  getCurriculum,
  getInstructors,
  getTestimonials,
  type LocalizedCurriculum,
} from './catalog';
import { getDb } from './runtime';

/** Where the visitor stands with this course, which decides the call to action. */
export type Standing =
  | { kind: 'visitor' }
  | { kind: 'not-enrolled' }
  | {
      kind: 'enrolled';
      percent: number;
      continueSlug: string | null;
      started: boolean;
      complete: boolean;
    }
  | { kind: 'staff' };

export interface CourseLanding {
  curriculum: LocalizedCurriculum;
  instructors: CollectionEntry<'instructors'>[];
  testimonials: TestimonialView[];
  /** What the page read from the database for everyone: its learners' approved testimonials. */
  approved: PublishedTestimonial[];
  standing: Standing;
  openable: Set<string>;
}

async function standingFor(user: SessionUser | null, curriculum: Curriculum): Promise<Standing> {
  if (!user) return { kind: 'visitor' };
  const db = await getDb();
  const enrollment = await getEnrollment(db.read, user.id, curriculum.slug);
  if (enrollment?.status === 'active') {
    const progress = await getCourseProgress(db, user.id, curriculum);
    return {
      kind: 'enrolled',
      percent: progress.percent,
      continueSlug: resumeLesson(curriculum, progress)?.slug ?? null,
      started: progress.viewed.size > 0,
      complete: progress.complete,
    };
  }
  return user.role === 'learner' ? { kind: 'not-enrolled' } : { kind: 'staff' };
}

/**
 * A course page's one read shared by every visitor (the rest is content or the visitor's own):
 * run again on each anonymous view to decide whether the kept copy still holds.
 */
export async function approvedTestimonialsOf(slug: string): Promise<PublishedTestimonial[]> {
  return approvedTestimonials(await getDb(), slug);
}

/** Everything the course landing page shows, or undefined for an unknown or draft course. */
export async function loadCourseLanding(
  slug: string,
  locale: Locale,
  user: SessionUser | null,
): Promise<CourseLanding | undefined> {
  const curriculum = await getCurriculum(slug, locale);
  if (!curriculum) return undefined;
  const [instructors, authored] = await Promise.all([
    getInstructors(curriculum.course.instructors),
    getTestimonials(slug),
  ]);
  const approved = await approvedTestimonialsOf(slug);
  const fromLearners = approved.map((row) => ({ ...row, sample: false }));
  const standing = await standingFor(user, curriculum);
  const everything = standing.kind === 'enrolled' || standing.kind === 'staff';
  const openable = new Set(
    curriculum.lessons.filter((l) => everything || l.data.preview).map((l) => l.slug),
  );
  return {
    curriculum,
    instructors,
    testimonials: [...fromLearners, ...authored.map((entry) => entry.data)],
    approved,
    standing,
    openable,
  };
}
