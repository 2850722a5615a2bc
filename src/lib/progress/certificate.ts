import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { inTransaction, type Db } from '~/lib/db';
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
 * and insert share an IMMEDIATE transaction, so two completions at once issue one certificate.
 *
 * @example
 * const cert = issueCertificateIfComplete(db, { userId: user.id, courseSlug, displayName: user.displayName, lessonSlugs: curriculum.lessons.map((l) => l.slug) });
 * if (cert) showLink(`/certificates/${cert.id}`);
 */
export function issueCertificateIfComplete(
  db: Db,
  input: { userId: number; courseSlug: string; displayName: string; lessonSlugs: string[] },
  now: Date = new Date(),
): CertificateRow | null {
  return inTransaction(db, (tx): CertificateRow | null => {
    const existing = getCertificateFor(tx, input.userId, input.courseSlug);
    if (existing !== null) return existing;

    const wanted = new Set(input.lessonSlugs);
    if (wanted.size === 0) return null;
    const done = tx
      .select({ lessonSlug: lessonProgress.lessonSlug })
      .from(lessonProgress)
      .where(
        and(
          eq(lessonProgress.userId, input.userId),
          eq(lessonProgress.courseSlug, input.courseSlug),
          inArray(lessonProgress.lessonSlug, [...wanted]),
          isNotNull(lessonProgress.completedAt),
        ),
      )
      .all();
    if (done.length < wanted.size) return null;

    return tx
      .insert(certificates)
      .values({ id: newCertificateId(), userId: input.userId, courseSlug: input.courseSlug, displayName: input.displayName, issuedAt: now })
      .returning()
      .get();
  });
}

/**
 * A certificate by its public id, or null. Malformed ids are rejected before the query, so the
 * public verification page does no database work for junk.
 *
 * @example
 * const cert = getCertificate(db, Astro.params.id ?? '');
 * if (cert === null) return Astro.rewrite('/404');
 */
export function getCertificate(db: Db, id: string): CertificateRow | null {
  if (!ID_PATTERN.test(id)) return null;
  return db.select().from(certificates).where(eq(certificates.id, id)).get() ?? null;
}

/**
 * The learner's certificate for a course, or null if none was issued.
 *
 * @example
 * const cert = getCertificateFor(db, user.id, 'texting-for-turnout');
 */
export function getCertificateFor(db: Db, userId: number, courseSlug: string): CertificateRow | null {
  return (
    db
      .select()
      .from(certificates)
      .where(and(eq(certificates.userId, userId), eq(certificates.courseSlug, courseSlug)))
      .get() ?? null
  );
}
