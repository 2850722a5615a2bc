import { describe, expect, it } from 'vitest';
import {
  canTrackProgress,
  decideLessonAccess,
  lessonAccess,
  tracksProgress,
  type LessonAccess,
  type Viewer,
} from '~/lib/enrollment/access';
import { enroll, revokeEnrollment } from '~/lib/enrollment/enrollment';
import { enrollments } from '~db/schema';
import { and, eq } from 'drizzle-orm';
import { freshDb } from '../fixtures';
import { COURSE_SLUG, OTHER_COURSE_SLUG, createUser } from '../progress/fixtures';

const learner: Viewer = { id: 1, role: 'learner' };
const instructor: Viewer = { id: 2, role: 'instructor' };
const admin: Viewer = { id: 3, role: 'admin' };
const preview = { preview: true };
const gated = { preview: false };

describe('decideLessonAccess', () => {
  const cases: Array<
    [string, Viewer, { status: string } | null, { preview: boolean }, LessonAccess]
  > = [
    ['anonymous, preview', null, null, preview, { allowed: true, via: 'preview' }],
    ['anonymous, gated', null, null, gated, { allowed: false, reason: 'login-required' }],
    ['learner not enrolled, preview', learner, null, preview, { allowed: true, via: 'preview' }],
    [
      'learner not enrolled, gated',
      learner,
      null,
      gated,
      { allowed: false, reason: 'not-enrolled' },
    ],
    [
      'enrolled, preview',
      learner,
      { status: 'active' },
      preview,
      { allowed: true, via: 'enrolled' },
    ],
    ['enrolled, gated', learner, { status: 'active' }, gated, { allowed: true, via: 'enrolled' }],
    [
      'revoked, preview',
      learner,
      { status: 'revoked' },
      preview,
      { allowed: true, via: 'preview' },
    ],
    [
      'revoked, gated',
      learner,
      { status: 'revoked' },
      gated,
      { allowed: false, reason: 'not-enrolled' },
    ],
    [
      'refunded, preview',
      learner,
      { status: 'refunded' },
      preview,
      { allowed: true, via: 'preview' },
    ],
    [
      'refunded, gated',
      learner,
      { status: 'refunded' },
      gated,
      { allowed: false, reason: 'not-enrolled' },
    ],
    ['instructor, preview', instructor, null, preview, { allowed: true, via: 'staff' }],
    ['instructor, gated', instructor, null, gated, { allowed: true, via: 'staff' }],
    ['admin, preview', admin, null, preview, { allowed: true, via: 'staff' }],
    ['admin, gated', admin, null, gated, { allowed: true, via: 'staff' }],
    [
      'admin with revoked enrollment, gated',
      admin,
      { status: 'revoked' },
      gated,
      { allowed: true, via: 'staff' },
    ],
    [
      'unknown status, gated',
      learner,
      { status: 'pending' },
      gated,
      { allowed: false, reason: 'not-enrolled' },
    ],
  ];
  it.each(cases)('%s', (_name, viewer, enrollment, lesson, expected) => {
    expect(decideLessonAccess(viewer, lesson, enrollment)).toEqual(expected);
  });
});

describe('lessonAccess (database)', () => {
  async function setup() {
    const db = await freshDb();
    const user = await createUser(db);
    const viewer: Viewer = { id: user.id, role: 'learner' };
    return { db, user, viewer };
  }

  it('gives an enrolled learner the gated lessons of that course only', async () => {
    const { db, user, viewer } = await setup();
    await enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' });
    expect(await lessonAccess(db.read, viewer, COURSE_SLUG, gated)).toEqual({
      allowed: true,
      via: 'enrolled',
    });
    expect(await lessonAccess(db.read, viewer, OTHER_COURSE_SLUG, gated)).toEqual({
      allowed: false,
      reason: 'not-enrolled',
    });
  });

  it('takes access away at once when the enrollment is revoked', async () => {
    const { db, user, viewer } = await setup();
    await enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' });
    expect((await lessonAccess(db.read, viewer, COURSE_SLUG, gated)).allowed).toBe(true);
    await revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: null });
    expect(await lessonAccess(db.read, viewer, COURSE_SLUG, gated)).toEqual({
      allowed: false,
      reason: 'not-enrolled',
    });
    expect(await lessonAccess(db.read, viewer, COURSE_SLUG, preview)).toEqual({
      allowed: true,
      via: 'preview',
    });
  });

  it('treats a refunded enrollment as not enrolled', async () => {
    const { db, user, viewer } = await setup();
    await enroll(db, {
      userId: user.id,
      courseSlug: COURSE_SLUG,
      source: 'stripe',
      stripe: { checkoutSessionId: 'cs_1' },
    });
    await db.write((tx) =>
      tx
        .update(enrollments)
        .set({ status: 'refunded' })
        .where(and(eq(enrollments.userId, user.id), eq(enrollments.courseSlug, COURSE_SLUG))),
    );
    expect(await lessonAccess(db.read, viewer, COURSE_SLUG, gated)).toEqual({
      allowed: false,
      reason: 'not-enrolled',
    });
    expect(await canTrackProgress(db.read, viewer, COURSE_SLUG)).toBe(false);
  });

  it('lets staff and anonymous visitors through without an enrollment where the rule says so', async () => {
    const db = await freshDb();
    const staff = await createUser(db, { role: 'instructor' });
    expect(
      await lessonAccess(db.read, { id: staff.id, role: 'instructor' }, COURSE_SLUG, gated),
    ).toEqual({ allowed: true, via: 'staff' });
    expect(await lessonAccess(db.read, null, COURSE_SLUG, gated)).toEqual({
      allowed: false,
      reason: 'login-required',
    });
    expect(await lessonAccess(db.read, null, COURSE_SLUG, preview)).toEqual({
      allowed: true,
      via: 'preview',
    });
  });
});

describe('canTrackProgress', () => {
  it('is true only for an active enrollment or a staff role', async () => {
    const db = await freshDb();
    const enrolled = await createUser(db);
    const stranger = await createUser(db);
    const staff = await createUser(db, { role: 'admin' });
    await enroll(db, { userId: enrolled.id, courseSlug: COURSE_SLUG, source: 'free' });

    expect(await canTrackProgress(db.read, null, COURSE_SLUG)).toBe(false);
    expect(await canTrackProgress(db.read, { id: stranger.id, role: 'learner' }, COURSE_SLUG)).toBe(
      false,
    );
    expect(await canTrackProgress(db.read, { id: enrolled.id, role: 'learner' }, COURSE_SLUG)).toBe(
      true,
    );
    expect(
      await canTrackProgress(db.read, { id: enrolled.id, role: 'learner' }, OTHER_COURSE_SLUG),
    ).toBe(false);
    expect(await canTrackProgress(db.read, { id: staff.id, role: 'admin' }, COURSE_SLUG)).toBe(
      true,
    );
    expect(await canTrackProgress(db.read, { id: staff.id, role: 'instructor' }, COURSE_SLUG)).toBe(
      true,
    );

    await revokeEnrollment(db, { userId: enrolled.id, courseSlug: COURSE_SLUG, actorId: staff.id });
    expect(await canTrackProgress(db.read, { id: enrolled.id, role: 'learner' }, COURSE_SLUG)).toBe(
      false,
    );
  });
});

describe('tracksProgress', () => {
  it('agrees with canTrackProgress for every viewer and lesson, so the lesson page can skip that query', async () => {
    const db = await freshDb();
    const enrolled = await createUser(db);
    const revoked = await createUser(db);
    const stranger = await createUser(db);
    const staff = await createUser(db, { role: 'instructor' });
    await enroll(db, { userId: enrolled.id, courseSlug: COURSE_SLUG, source: 'free' });
    await enroll(db, { userId: revoked.id, courseSlug: COURSE_SLUG, source: 'free' });
    await revokeEnrollment(db, { userId: revoked.id, courseSlug: COURSE_SLUG, actorId: null });
    const viewers: Viewer[] = [
      null,
      { id: enrolled.id, role: 'learner' },
      { id: revoked.id, role: 'learner' },
      { id: stranger.id, role: 'learner' },
      { id: staff.id, role: 'instructor' },
    ];
    let tracked = 0;
    for (const viewer of viewers) {
      for (const lesson of [preview, gated]) {
        const expected = await canTrackProgress(db.read, viewer, COURSE_SLUG);
        expect(tracksProgress(await lessonAccess(db.read, viewer, COURSE_SLUG, lesson))).toBe(
          expected,
        );
        if (expected) tracked++;
      }
    }
    expect(tracked).toBe(4);
  });
});
