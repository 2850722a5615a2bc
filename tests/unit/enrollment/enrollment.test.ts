import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  enroll,
  enrollFree,
  getEnrollment,
  listEnrollmentsForUser,
  revokeEnrollment,
} from '~/lib/enrollment/enrollment';
import { auditLog, enrollments } from '~db/schema';
import type { Db } from '~/lib/db';
import { freshDb } from '../fixtures';
import { COURSE_SLUG, OTHER_COURSE_SLUG, createUser, race } from '../progress/fixtures';

const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-02T10:00:00Z');
const T2 = new Date('2026-03-03T10:00:00Z');

function auditRows(db: Db) {
  return db.read.select().from(auditLog).orderBy(auditLog.id);
}

describe('enroll', () => {
  it('creates an active enrollment and an audit row', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const r = await enroll(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, source: 'admin', actorId: null },
      T0,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.created).toBe(true);
    expect(r.value.enrollment).toMatchObject({
      userId: user.id,
      courseSlug: COURSE_SLUG,
      status: 'active',
      source: 'admin',
    });
    expect(r.value.enrollment.createdAt).toEqual(T0);
    expect((await getEnrollment(db.read, user.id, COURSE_SLUG))?.status).toBe('active');

    const audit = await auditRows(db);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'enroll',
      subjectUserId: user.id,
      courseSlug: COURSE_SLUG,
      actorId: null,
    });
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ source: 'admin' });
  });

  it('is idempotent for an active enrollment: created false, no second row, no second audit', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const first = await enroll(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' },
      T0,
    );
    const second = await enroll(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, source: 'admin' },
      T1,
    );
    expect(second).toEqual({
      ok: true,
      value: { enrollment: first.ok ? first.value.enrollment : null, created: false },
    });
    expect(await db.read.select().from(enrollments)).toHaveLength(1);
    expect((await getEnrollment(db.read, user.id, COURSE_SLUG))?.source).toBe('free');
    expect(await auditRows(db)).toHaveLength(1);
  });

  it('stores the Stripe payment and treats a replayed webhook as a no-op', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const stripe = {
      checkoutSessionId: 'cs_test_1',
      paymentIntentId: 'pi_1',
      amountPaid: 4900,
      currency: 'usd',
    };
    const first = await enroll(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, source: 'stripe', stripe },
      T0,
    );
    expect(first.ok && first.value.enrollment).toMatchObject({
      stripeCheckoutSessionId: 'cs_test_1',
      stripePaymentIntentId: 'pi_1',
      amountPaid: 4900,
      currency: 'usd',
    });
    const replay = await enroll(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, source: 'stripe', stripe },
      T1,
    );
    expect(replay.ok && replay.value.created).toBe(false);
    expect(await auditRows(db)).toHaveLength(1);
    expect(JSON.parse((await auditRows(db))[0]?.detail ?? '{}')).toMatchObject({
      source: 'stripe',
      checkoutSessionId: 'cs_test_1',
      amountPaid: 4900,
    });
  });

  it('answers already-enrolled to a second, different Stripe payment for an active enrollment', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' }, T0);
    const paid = await enroll(
      db,
      {
        userId: user.id,
        courseSlug: COURSE_SLUG,
        source: 'stripe',
        stripe: { checkoutSessionId: 'cs_2' },
      },
      T1,
    );
    expect(paid).toEqual({ ok: false, error: 'already-enrolled' });
    expect(
      (await getEnrollment(db.read, user.id, COURSE_SLUG))?.stripeCheckoutSessionId,
    ).toBeNull();
    expect(await auditRows(db)).toHaveLength(1);
  });

  it('reactivates a revoked enrollment with the new source (created true) and audits it', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const admin = await createUser(db, { role: 'admin' });
    await enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' }, T0);
    await revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: admin.id }, T1);
    const again = await enroll(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, source: 'admin', actorId: admin.id },
      T2,
    );
    expect(again.ok && again.value.created).toBe(true);
    expect(again.ok && again.value.enrollment).toMatchObject({
      status: 'active',
      source: 'admin',
      updatedAt: T2,
      createdAt: T0,
    });
    expect(await db.read.select().from(enrollments)).toHaveLength(1);
    const audit = await auditRows(db);
    expect(audit.map((a) => a.action)).toEqual(['enroll', 'revoke', 'enroll']);
    expect(audit[2]).toMatchObject({ actorId: admin.id, subjectUserId: user.id });
    expect(JSON.parse(audit[2]?.detail ?? '{}')).toEqual({
      source: 'admin',
      reactivatedFrom: 'revoked',
    });
  });

  it('reactivates a refunded enrollment when the learner pays again', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await enroll(
      db,
      {
        userId: user.id,
        courseSlug: COURSE_SLUG,
        source: 'stripe',
        stripe: { checkoutSessionId: 'cs_a', amountPaid: 1500 },
      },
      T0,
    );
    await db.write((tx) =>
      tx.update(enrollments).set({ status: 'refunded' }).where(eq(enrollments.userId, user.id)),
    );
    const again = await enroll(
      db,
      {
        userId: user.id,
        courseSlug: COURSE_SLUG,
        source: 'stripe',
        stripe: { checkoutSessionId: 'cs_b', amountPaid: 4900 },
      },
      T1,
    );
    expect(again.ok && again.value).toMatchObject({
      created: true,
      enrollment: { status: 'active', stripeCheckoutSessionId: 'cs_b', amountPaid: 4900 },
    });
  });

  it('makes one row and one audit entry when the same webhook is delivered twice at once', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const stripe = { checkoutSessionId: 'cs_race', amountPaid: 4900, currency: 'usd' };
    const results = await race(
      db,
      [T0, T1, T2].map(
        (now) => () =>
          enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'stripe', stripe }, now),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(1);
    expect(results.filter((r) => r.ok && !r.value.created)).toHaveLength(2);
    const rows = await db.read.select().from(enrollments);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'active', stripeCheckoutSessionId: 'cs_race' });
    expect((await auditRows(db)).map((a) => a.action)).toEqual(['enroll']);
  });
});

describe('revokeEnrollment under concurrency', () => {
  it('revokes once when three revocations arrive at the same moment', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' }, T0);
    const results = await race(
      db,
      [T1, T2, T1].map(
        (now) => () =>
          revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: null }, now),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === 'not-enrolled')).toHaveLength(2);
    expect((await auditRows(db)).map((a) => a.action)).toEqual(['enroll', 'revoke']);
  });
});

describe('enrollFree', () => {
  it('enrolls in a free course with the learner as actor', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const r = await enrollFree(db, user.id, { slug: COURSE_SLUG, price: { type: 'free' } }, T0);
    expect(r.ok && r.value.enrollment).toMatchObject({ source: 'free', status: 'active' });
    expect((await auditRows(db))[0]).toMatchObject({ action: 'enroll', actorId: user.id });
  });

  it('refuses a paid course and writes nothing', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    expect(await enrollFree(db, user.id, { slug: COURSE_SLUG, price: { type: 'fixed' } })).toEqual({
      ok: false,
      error: 'course-not-free',
    });
    expect(
      await enrollFree(db, user.id, { slug: COURSE_SLUG, price: { type: 'pay-what-you-can' } }),
    ).toEqual({ ok: false, error: 'course-not-free' });
    expect(await getEnrollment(db.read, user.id, COURSE_SLUG)).toBeNull();
    expect(await auditRows(db)).toHaveLength(0);
  });
});

describe('revokeEnrollment', () => {
  it('revokes an active enrollment and records actor and reason', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const admin = await createUser(db, { role: 'admin' });
    await enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' }, T0);
    const r = await revokeEnrollment(
      db,
      { userId: user.id, courseSlug: COURSE_SLUG, actorId: admin.id, reason: 'shared account' },
      T1,
    );
    expect(r).toEqual({ ok: true, value: undefined });
    expect(await getEnrollment(db.read, user.id, COURSE_SLUG)).toMatchObject({
      status: 'revoked',
      updatedAt: T1,
    });
    const last = (await auditRows(db)).at(-1);
    expect(last).toMatchObject({
      action: 'revoke',
      actorId: admin.id,
      subjectUserId: user.id,
      courseSlug: COURSE_SLUG,
      createdAt: T1,
    });
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({ reason: 'shared account' });
  });

  it('answers not-enrolled when there is nothing active to revoke', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    expect(
      await revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: null }),
    ).toEqual({ ok: false, error: 'not-enrolled' });
    await enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' });
    await revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: null });
    expect(
      await revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: null }),
    ).toEqual({ ok: false, error: 'not-enrolled' });
    expect((await auditRows(db)).map((a) => a.action)).toEqual(['enroll', 'revoke']);
  });

  it("leaves another user's enrollment alone", async () => {
    const db = await freshDb();
    const a = await createUser(db);
    const b = await createUser(db);
    await enroll(db, { userId: a.id, courseSlug: COURSE_SLUG, source: 'free' });
    await enroll(db, { userId: b.id, courseSlug: COURSE_SLUG, source: 'free' });
    await revokeEnrollment(db, { userId: a.id, courseSlug: COURSE_SLUG, actorId: null });
    expect((await getEnrollment(db.read, b.id, COURSE_SLUG))?.status).toBe('active');
  });
});

describe('listEnrollmentsForUser', () => {
  it('lists active enrollments only, newest first', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    const other = await createUser(db);
    await enroll(db, { userId: user.id, courseSlug: 'first', source: 'free' }, T0);
    await enroll(db, { userId: user.id, courseSlug: 'second', source: 'free' }, T1);
    await enroll(db, { userId: user.id, courseSlug: 'revoked', source: 'free' }, T2);
    await enroll(db, { userId: other.id, courseSlug: OTHER_COURSE_SLUG, source: 'free' }, T2);
    await revokeEnrollment(db, { userId: user.id, courseSlug: 'revoked', actorId: null }, T2);
    expect((await listEnrollmentsForUser(db, user.id)).map((e) => e.courseSlug)).toEqual([
      'second',
      'first',
    ]);
  });

  it('puts a reactivated enrollment at the top', async () => {
    const db = await freshDb();
    const user = await createUser(db);
    await enroll(db, { userId: user.id, courseSlug: 'old', source: 'free' }, T0);
    await enroll(db, { userId: user.id, courseSlug: 'new', source: 'free' }, T1);
    await revokeEnrollment(db, { userId: user.id, courseSlug: 'old', actorId: null }, T1);
    await enroll(db, { userId: user.id, courseSlug: 'old', source: 'admin' }, T2);
    expect((await listEnrollmentsForUser(db, user.id)).map((e) => e.courseSlug)).toEqual([
      'old',
      'new',
    ]);
  });
});
