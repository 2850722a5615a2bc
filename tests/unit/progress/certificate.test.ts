import { describe, expect, it } from 'vitest';
import { getCertificate, getCertificateFor, issueCertificateIfComplete } from '~/lib/progress/certificate';
import { completeLesson } from '~/lib/progress/progress';
import { recordQuizAttempt } from '~/lib/progress/quiz';
import { certificates } from '~db/schema';
import type { Db } from '~/lib/db';
import { freshDb } from '../fixtures';
import { COURSE_SLUG, completionInput, createUser, threeLessonCurriculum } from './fixtures';

const curriculum = threeLessonCurriculum();
const lessonSlugs = curriculum.lessons.map((l) => l.slug);
const ISSUED = new Date('2026-04-01T09:00:00Z');

function completeAll(db: Db, userId: number, slugs: string[] = lessonSlugs): void {
  for (const lesson of curriculum.lessons.filter((l) => slugs.includes(l.slug))) {
    for (const q of lesson.data.quizzes) {
      recordQuizAttempt(db, { userId, courseSlug: COURSE_SLUG, lessonSlug: lesson.slug, quiz: q, chosen: q.answer });
    }
    const r = completeLesson(db, userId, COURSE_SLUG, completionInput(lesson));
    if (!r.ok) throw new Error(`could not complete ${lesson.slug}: ${r.error}`);
  }
}

describe('issueCertificateIfComplete', () => {
  it('issues nothing until every lesson is complete', () => {
    const db = freshDb();
    const user = createUser(db, { displayName: 'Ada Lovelace' });
    const input = { userId: user.id, courseSlug: COURSE_SLUG, displayName: user.displayName, lessonSlugs };
    expect(issueCertificateIfComplete(db, input)).toBeNull();
    completeAll(db, user.id, ['intro', 'setup']);
    expect(issueCertificateIfComplete(db, input)).toBeNull();
    expect(db.select().from(certificates).all()).toHaveLength(0);

    completeAll(db, user.id, ['quiz-time']);
    const cert = issueCertificateIfComplete(db, input, ISSUED);
    expect(cert).toMatchObject({ userId: user.id, courseSlug: COURSE_SLUG, displayName: 'Ada Lovelace', issuedAt: ISSUED });
    expect(cert?.id).toMatch(/^[a-z2-7]{32}$/);
  });

  it('returns the same certificate on a second call, keeping the original name and date', () => {
    const db = freshDb();
    const user = createUser(db);
    completeAll(db, user.id);
    const first = issueCertificateIfComplete(db, { userId: user.id, courseSlug: COURSE_SLUG, displayName: 'Old Name', lessonSlugs }, ISSUED);
    const second = issueCertificateIfComplete(db, { userId: user.id, courseSlug: COURSE_SLUG, displayName: 'New Name', lessonSlugs }, new Date());
    expect(second).toEqual(first);
    expect(db.select().from(certificates).all()).toHaveLength(1);
  });

  it('refuses an empty lesson list', () => {
    const db = freshDb();
    const user = createUser(db);
    expect(issueCertificateIfComplete(db, { userId: user.id, courseSlug: COURSE_SLUG, displayName: 'X', lessonSlugs: [] })).toBeNull();
  });

  it('gives each learner their own certificate with a distinct id', () => {
    const db = freshDb();
    const a = createUser(db);
    const b = createUser(db);
    completeAll(db, a.id);
    const certA = issueCertificateIfComplete(db, { userId: a.id, courseSlug: COURSE_SLUG, displayName: a.displayName, lessonSlugs });
    expect(issueCertificateIfComplete(db, { userId: b.id, courseSlug: COURSE_SLUG, displayName: b.displayName, lessonSlugs })).toBeNull();
    completeAll(db, b.id);
    const certB = issueCertificateIfComplete(db, { userId: b.id, courseSlug: COURSE_SLUG, displayName: b.displayName, lessonSlugs });
    expect(certA?.id).toBeDefined();
    expect(certB?.id).toBeDefined();
    expect(certA?.id).not.toBe(certB?.id);
  });
});

describe('getCertificate and getCertificateFor', () => {
  it('finds an issued certificate by id and by learner', () => {
    const db = freshDb();
    const user = createUser(db);
    completeAll(db, user.id);
    const cert = issueCertificateIfComplete(db, { userId: user.id, courseSlug: COURSE_SLUG, displayName: user.displayName, lessonSlugs });
    if (cert === null) throw new Error('expected a certificate');
    expect(getCertificate(db, cert.id)).toEqual(cert);
    expect(getCertificateFor(db, user.id, COURSE_SLUG)).toEqual(cert);
    expect(getCertificateFor(db, user.id, 'other-course')).toBeNull();
  });

  it('answers null for unknown and malformed ids', () => {
    const db = freshDb();
    const user = createUser(db);
    // A well-formed id that is nobody's certificate, and a malformed one that happens to be stored.
    db.insert(certificates).values({ id: 'NOT-A-VALID-ID', userId: user.id, courseSlug: COURSE_SLUG, displayName: 'X', issuedAt: ISSUED }).run();
    expect(getCertificate(db, 'a'.repeat(32))).toBeNull();
    expect(getCertificate(db, 'NOT-A-VALID-ID')).toBeNull();
    for (const bad of ['', 'a'.repeat(31), 'a'.repeat(33), 'A'.repeat(32), '1'.repeat(32), `${'a'.repeat(31)}=`, "' or 1=1 --"]) {
      expect(getCertificate(db, bad)).toBeNull();
    }
  });
});
