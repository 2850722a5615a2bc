import { describe, expect, it } from 'vitest';
import {
  getCertificate,
  getCertificateFor,
  issueCertificateIfComplete,
} from '~/lib/progress/certificate';
import { completeLesson } from '~/lib/progress/progress';
import { recordQuizAttempt } from '~/lib/progress/quiz';
import { certificates } from '~db/schema';
import type { Db } from '~/lib/db';
import { freshDb } from '../fixtures';
import { COURSE_SLUG, completionInput, createUser, race, threeLessonCurriculum } from './fixtures';

const curriculum = threeLessonCurriculum();
const lessonSlugs = curriculum.lessons.map((l) => l.slug);
const ISSUED = new Date('2026-04-01T09:00:00Z');

async function completeAll(db: Db, userId: number, slugs: string[] = lessonSlugs): Promise<void> {
  for (const lesson of curriculum.lessons.filter((l) => slugs.includes(l.slug))) {
    for (const q of lesson.data.quizzes) {
      await recordQuizAttempt(db, {
        userId,
        courseSlug: COURSE_SLUG,
        lessonSlug: lesson.slug,
        quiz: q,
        chosen: q.answer,
      });
    }
    const r = await completeLesson(db, userId, COURSE_SLUG, completionInput(lesson));
    if (!r.ok) throw new Error(`could not complete ${lesson.slug}: ${r.error}`);
  }
}

describe('issueCertificateIfComplete', () => {
  it('issues nothing until every lesson is complete', async () => {
    const db = await freshDb();
    const user = await createUser(db, { displayName: 'Ada Lovelace' });
    const input = {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      displayName: user.displayName,
      lessonSlugs,
    };
    expect(await issueCertificateIfComplete(db, input)).toBeNull();
    await completeAll(db, user.id, ['intro', 'setup']);
    expect(await issueCertificateIfComplete(db, input)).toBeNull();
    expect(await db.read.select().from(certificates)).toHaveLength(0);

    await completeAll(db, user.id, ['quiz-time']);
    const cert = await issueCertificateIfComplete(db, input, ISSUED);
    expect(cert).toMatchObject({
      userId: user.id,
      courseSlug: COURSE_SLUG,
      displayName: 'Ada Lovelace',
      issuedAt: ISSUED,
    });
    expect(cert?.id).toMatch(/^[a-z2-7]{32}$/);
  });

  it('returns the same certificate on a second call, keeping the original name and date', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await completeAll(db, user.id);
    const first = await issueCertificateIfComplete(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, displayName: 'Old Name', lessonSlugs },
      ISSUED,
    );
    const second = await issueCertificateIfComplete(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, displayName: 'New Name', lessonSlugs },
      new Date(),
    );
    expect(second).toEqual(first);
    expect(await db.read.select().from(certificates)).toHaveLength(1);
  });

  it('issues one certificate when two completions ask for it at once', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await completeAll(db, user.id);
    const input = {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      displayName: user.displayName,
      lessonSlugs,
    };
    const [a, ...others] = await race(
      db,
      [ISSUED, new Date(), new Date()].map(
        (now) => () => issueCertificateIfComplete(db, input, now),
      ),
    );
    expect(a).not.toBeNull();
    expect(others).toHaveLength(2);
    for (const other of others) expect(other).toEqual(a);
    const rows = await db.read.select().from(certificates);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(a);
  });

  it('refuses an empty lesson list', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    expect(
      await issueCertificateIfComplete(db, {
        userId: user.id,
        courseSlug: COURSE_SLUG,
        displayName: 'X',
        lessonSlugs: [],
      }),
    ).toBeNull();
  });

  it('gives each learner their own certificate with a distinct id', async () => {
    const db = await freshDb();
    const a = await createUser(db);
    const b = await createUser(db);
    await completeAll(db, a.id);
    const certA = await issueCertificateIfComplete(db, {
      userId: a.id,
      courseSlug: COURSE_SLUG,
      displayName: a.displayName,
      lessonSlugs,
    });
    expect(
      await issueCertificateIfComplete(db, {
        userId: b.id,
        courseSlug: COURSE_SLUG,
        displayName: b.displayName,
        lessonSlugs,
      }),
    ).toBeNull();
    await completeAll(db, b.id);
    const certB = await issueCertificateIfComplete(db, {
      userId: b.id,
      courseSlug: COURSE_SLUG,
      displayName: b.displayName,
      lessonSlugs,
    });
    expect(certA?.id).toBeDefined();
    expect(certB?.id).toBeDefined();
    expect(certA?.id).not.toBe(certB?.id);
  });
});

describe('getCertificate and getCertificateFor', () => {
  it('finds an issued certificate by id and by learner', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await completeAll(db, user.id);
    const cert = await issueCertificateIfComplete(db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      displayName: user.displayName,
      lessonSlugs,
    });
    if (cert === null) throw new Error('expected a certificate');
    expect(await getCertificate(db, cert.id)).toEqual(cert);
    expect(await getCertificateFor(db.read, user.id, COURSE_SLUG)).toEqual(cert);
    expect(await getCertificateFor(db.read, user.id, 'other-course')).toBeNull();
  });

  it('answers null for unknown and malformed ids', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    // A well-formed id that is nobody's certificate, and a malformed one that happens to be stored.
    await db.write((tx) =>
      tx.insert(certificates).values({
        id: 'NOT-A-VALID-ID',
        userId: user.id,
        courseSlug: COURSE_SLUG,
        displayName: 'X',
        issuedAt: ISSUED,
      }),
    );
    expect(await getCertificate(db, 'a'.repeat(32))).toBeNull();
    expect(await getCertificate(db, 'NOT-A-VALID-ID')).toBeNull();
    for (const bad of [
      '',
      'a'.repeat(31),
      'a'.repeat(33),
      'A'.repeat(32),
      '1'.repeat(32),
      `${'a'.repeat(31)}=`,
      "' or 1=1 --",
    ]) {
      expect(await getCertificate(db, bad)).toBeNull();
    }
  });
});

describe('completeLesson with the course to certify', () => {
  it('issues the certificate in the same call as the completion that finishes the course, and only then', async () => {
    const db = await freshDb();
    const user = await createUser(db, { displayName: 'Ada Lovelace' });
    const certify = { displayName: user.displayName, lessonSlugs };
    const [first, second, last] = curriculum.lessons;
    for (const q of last!.data.quizzes)
      await recordQuizAttempt(db, {
        userId: user.id,
        courseSlug: COURSE_SLUG,
        lessonSlug: last!.slug,
        quiz: q,
        chosen: q.answer,
      });
    expect(
      await completeLesson(db, user.id, COURSE_SLUG, completionInput(first!), ISSUED, certify),
    ).toMatchObject({ ok: true, value: { certificate: null } });
    expect(
      await completeLesson(db, user.id, COURSE_SLUG, completionInput(second!), ISSUED, certify),
    ).toMatchObject({ ok: true, value: { certificate: null } });
    const finishing = await completeLesson(
      db,
      user.id,
      COURSE_SLUG,
      completionInput(last!),
      ISSUED,
      certify,
    );
    expect(finishing).toMatchObject({
      ok: true,
      value: {
        firstTime: true,
        certificate: { userId: user.id, displayName: 'Ada Lovelace', issuedAt: ISSUED },
      },
    });
    // Completing again returns the one already issued, with its first date.
    const again = await completeLesson(
      db,
      user.id,
      COURSE_SLUG,
      completionInput(last!),
      new Date(),
      certify,
    );
    expect(again.ok && again.value.certificate).toEqual(
      finishing.ok && finishing.value.certificate,
    );
    expect(await db.read.select().from(certificates)).toHaveLength(1);
  });

  it('issues nothing when the completion itself is refused', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await completeAll(
      db,
      user.id,
      lessonSlugs.filter((slug) => slug !== 'quiz-time'),
    );
    const quizLesson = curriculum.lessons.find((l) => l.slug === 'quiz-time')!;
    const refused = await completeLesson(
      db,
      user.id,
      COURSE_SLUG,
      completionInput(quizLesson),
      ISSUED,
      { displayName: 'X', lessonSlugs },
    );
    expect(refused).toMatchObject({ ok: false, error: 'quiz-required' });
    expect(await db.read.select().from(certificates)).toHaveLength(0);
  });
});
