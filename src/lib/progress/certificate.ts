import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Db, Query, Reader } from '~/lib/db';
import { certificates, lessonProgress } from '~db/schema';

/** One certificates row as drizzle returns it. */
export type CertificateRow = typeof certificates.$inferSelect;

/** 20 random bytes → 32 base32 characters: 160 bits, far beyond guessing a public URL. */
const ID_BYTES = 20;
const ID_PATTERN = /^[a-z2-7]{32}$/;

/** A fresh certificate id; random rather than sequential so ids cannot be enumerated. */
function newCertificateId(): string {
  const bytes = new Uint8Array(ID_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Issues the learner's certificate for a course once every lesson in `lessonSlugs` (the current
 * curriculum) is complete, and returns it; returns null while any is missing, or when the list
 * is empty (a course with no lessons certifies nothing). A certificate already issued is returned
 * as is, even if progress was reset since: it stays valid and its link must not change. The check
 * and insert share a transaction, and the insert gives way to one another server committed
 * meanwhile, so two completions at once issue one certificate.
 *
 * @example
 * const cert = await issueCertificateIfComplete(db, { userId: user.id, courseSlug, displayName: user.displayName, lessonSlugs: curriculum.lessons.map((l) => l.slug) });
 * if (cert) showLink(`/certificates/${cert.id}`);
 */
export function issueCertificateIfComplete(
  db: Db,
  input: CertificateInput,
  now: Date = new Date(),
): Promise<CertificateRow | null> {
  return db.write((tx) => issueCertificateInTransaction(tx, input, now));
}

export interface CertificateInput {
  userId: number;
  courseSlug: string;
  displayName: string;
  lessonSlugs: string[];
}

/** `issueCertificateIfComplete` inside a transaction the caller holds (the completion that may finish the course). */
export async function issueCertificateInTransaction(
  tx: Query,
  input: CertificateInput,
  now: Date,
): Promise<CertificateRow | null> {
  const existing = await getCertificateFor(tx, input.userId, input.courseSlug);
  if (existing !== null) return existing;

  const wanted = new Set(input.lessonSlugs);
  if (wanted.size === 0) return null;
  const done = await tx
    .select({ lessonSlug: lessonProgress.lessonSlug })
    .from(lessonProgress)
    .where(
      and(
        eq(lessonProgress.userId, input.userId),
        eq(lessonProgress.courseSlug, input.courseSlug),
        inArray(lessonProgress.lessonSlug, [...wanted]),
        isNotNull(lessonProgress.completedAt),
      ),
    );
  if (done.length < wanted.size) return null;

  const [issued] = await tx
    .insert(certificates)
    .values({
      id: newCertificateId(),
      userId: input.userId,
      courseSlug: input.courseSlug,
      displayName: input.displayName,
      issuedAt: now,
    })
    .onConflictDoNothing({ target: [certificates.userId, certificates.courseSlug] })
    .returning();
  return issued ?? (await getCertificateFor(tx, input.userId, input.courseSlug));
}

/**
 * A certificate by its public id, or null. Malformed ids are rejected before the query, so the
 * public verification page does no database work for junk.
 *
 * @example
 * const cert = await getCertificate(db, Astro.params.id ?? '');
 * if (cert === null) return Astro.rewrite('/404');
 */
export async function getCertificate(db: Db, id: string): Promise<CertificateRow | null> {
  if (!ID_PATTERN.test(id)) return null;
  const [row] = await db.read.select().from(certificates).where(eq(certificates.id, id)).limit(1);
  return row ?? null;
}

/**
 * The learner's certificate for a course, or null if none was issued.
 *
 * @example
 * const cert = await getCertificateFor(db.read, user.id, 'texting-for-turnout');
 */
export async function getCertificateFor(
  q: Reader,
  userId: number,
  courseSlug: string,
): Promise<CertificateRow | null> {
  const [row] = await q
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.courseSlug, courseSlug)))
    .limit(1);
  return row ?? null;
}
