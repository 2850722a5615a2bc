import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '~/lib/audit/audit-log';
import { preparedRead, type Db } from '~/lib/db';
import { lockKeys } from '~/lib/db/locks';
import type { Result } from '~/lib/result';
import { certificates, testimonials } from '~db/schema';

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
export async function approvedTestimonials(
  db: Db,
  courseSlug: string,
): Promise<PublishedTestimonial[]> {
  // Newest first, ordered here rather than in SQL: see preparedRead.
  const rows = await approvedOf(db.read, { courseSlug });
  return rows
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map(({ createdAt: _, ...shown }) => shown);
}

/** Read on every course page view, even one answered from a kept copy: prepared once (see preparedRead). */
const approvedOf = preparedRead((q) =>
  q
    .select({
      quote: testimonials.quote,
      name: testimonials.name,
      role: testimonials.role,
      organization: testimonials.organization,
      createdAt: testimonials.createdAt,
    })
    .from(testimonials)
    .where(
      and(
        eq(testimonials.courseSlug, sql.placeholder('courseSlug')),
        eq(testimonials.status, 'approved'),
      ),
    )
    .prepare(),
);

export type TestimonialError =
  'not-finished' | 'quote-invalid' | 'name-invalid' | 'field-too-long' | 'consent-required';

export interface TestimonialInput {
  userId: number;
  courseSlug: string;
  quote: string;
  name: string;
  role?: string | null;
  organization?: string | null;
  consent: boolean;
}

const clean = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A learner who finished the course (holds its certificate) leaves a testimonial; it waits for
 * an admin. A second submission replaces a pending one rather than piling up. Stored as text
 * and always shown as text.
 */
export async function submitTestimonial(
  db: Db,
  input: TestimonialInput,
  now: Date = new Date(),
): Promise<Result<{ id: number }, TestimonialError>> {
  const [finished] = await db.read
    .select({ id: certificates.id })
    .from(certificates)
    .where(
      and(eq(certificates.userId, input.userId), eq(certificates.courseSlug, input.courseSlug)),
    )
    .limit(1);
  if (!finished) return { ok: false, error: 'not-finished' };
  const quote = clean(input.quote);
  const name = clean(input.name);
  const role = clean(input.role) || null;
  const organization = clean(input.organization) || null;
  if (quote.length < 20 || quote.length > 600)
    return { ok: false, error: 'quote-invalid', field: 'quote' };
  if (name.length < 1 || name.length > 80)
    return { ok: false, error: 'name-invalid', field: 'name' };
  if ((role?.length ?? 0) > 80) return { ok: false, error: 'field-too-long', field: 'role' };
  if ((organization?.length ?? 0) > 120)
    return { ok: false, error: 'field-too-long', field: 'organization' };
  if (!input.consent) return { ok: false, error: 'consent-required', field: 'consent' };
  return db.write(async (tx) => {
    await lockKeys(tx, [`testimonial:${input.userId}:${input.courseSlug}`]);
    const [pending] = await tx
      .select({ id: testimonials.id })
      .from(testimonials)
      .where(
        and(
          eq(testimonials.userId, input.userId),
          eq(testimonials.courseSlug, input.courseSlug),
          eq(testimonials.status, 'pending'),
        ),
      )
      .limit(1);
    if (pending) {
      await tx
        .update(testimonials)
        .set({ quote, name, role, organization, createdAt: now })
        .where(eq(testimonials.id, pending.id));
      return { ok: true, value: { id: pending.id } } as const;
    }
    const [row] = await tx
      .insert(testimonials)
      .values({
        userId: input.userId,
        courseSlug: input.courseSlug,
        quote,
        name,
        role,
        organization,
        status: 'pending',
        createdAt: now,
      })
      .returning({ id: testimonials.id });
    return { ok: true, value: { id: row!.id } } as const;
  });
}

export interface TestimonialRow {
  id: number;
  courseSlug: string;
  quote: string;
  name: string;
  role: string | null;
  organization: string | null;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: Date;
}

/** Testimonials in a status, oldest first: the moderation queue. */
export async function listTestimonials(
  db: Db,
  status: TestimonialRow['status'],
): Promise<TestimonialRow[]> {
  return db.read
    .select({
      id: testimonials.id,
      courseSlug: testimonials.courseSlug,
      quote: testimonials.quote,
      name: testimonials.name,
      role: testimonials.role,
      organization: testimonials.organization,
      status: testimonials.status,
      createdAt: testimonials.createdAt,
    })
    .from(testimonials)
    .where(eq(testimonials.status, status))
    .orderBy(asc(testimonials.createdAt));
}

/** An admin approves or rejects a testimonial; written to the audit log with it. */
export function moderateTestimonial(
  db: Db,
  actorId: number,
  id: number,
  decision: 'approved' | 'rejected',
  now: Date = new Date(),
): Promise<Result<void, 'not-found'>> {
  return db.write(async (tx) => {
    const [row] = await tx
      .select({ userId: testimonials.userId, courseSlug: testimonials.courseSlug })
      .from(testimonials)
      .where(eq(testimonials.id, id))
      .limit(1);
    if (!row) return { ok: false, error: 'not-found' } as const;
    await tx.update(testimonials).set({ status: decision }).where(eq(testimonials.id, id));
    await recordAudit(
      tx,
      {
        actorId,
        action: decision === 'approved' ? 'testimonial.approved' : 'testimonial.rejected',
        subjectUserId: row.userId,
        courseSlug: row.courseSlug,
        detail: { testimonialId: id },
      },
      now,
    );
    return { ok: true, value: undefined } as const;
  });
}
