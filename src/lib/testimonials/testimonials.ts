import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '~/lib/db';
import { testimonials } from '~db/schema';

/** A testimonial as the course page shows it, from content (maybe a sample) or from a learner. */
export interface TestimonialView {
  quote: string;
  name: string;
  role?: string | null | undefined;
  organization?: string | null | undefined;
  sample: boolean;
}

export interface PublishedTestimonial {
  quote: string;
  name: string;
  role: string | null;
  organization: string | null;
}

/** Testimonials learners left and an admin approved, newest first. */
export function approvedTestimonials(db: Db, courseSlug: string): PublishedTestimonial[] {
  return db
    .select({ quote: testimonials.quote, name: testimonials.name, role: testimonials.role, organization: testimonials.organization })
    .from(testimonials)
    .where(and(eq(testimonials.courseSlug, courseSlug), eq(testimonials.status, 'approved')))
    .orderBy(desc(testimonials.createdAt))
    .all();
}
