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
import { COURSE_SLUG, OTHER_COURSE_SLUG, createUser } from '../progress/fixtures';

const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-02T10:00:00Z');
const T2 = new Date('2026-03-03T10:00:00Z');

function auditRows(db: Db) {
  return db.select().from(auditLog).orderBy(auditLog.id).all();
}

describe('enroll', () => {
  it('creates an active enrollment and an audit row', () => {
    const db = freshDb();
    const user = createUser(db);
    const r = enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'admin', actorId: null }, T0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.created).toBe(true);
    expect(r.value.enrollment).toMatchObject({ userId: user.id, courseSlug: COURSE_SLUG, status: 'active', source: 'admin' });
    expect(r.value.enrollment.createdAt).toEqual(T0);
    expect(getEnrollment(db, user.id, COURSE_SLUG)?.status).toBe('active');

    const audit = auditRows(db);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'enroll', subjectUserId: user.id, courseSlug: COURSE_SLUG, actorId: null });
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ source: 'admin' });
  });

  it('is idempotent for an active enrollment: created false, no second row, no second audit', () => {
    const db = freshDb();
    const user = createUser(db);
    const first = enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' }, T0);
    const second = enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'admin' }, T1);
    expect(second).toEqual({ ok: true, value: { enrollment: first.ok ? first.value.enrollment : null, created: false } });
    expect(db.select().from(enrollments).all()).toHaveLength(1);
    expect(getEnrollment(db, user.id, COURSE_SLUG)?.source).toBe('free');
    expect(auditRows(db)).toHaveLength(1);
  });

  it('stores the Stripe payment and treats a replayed webhook as a no-op', () => {
    const db = freshDb();
    const user = createUser(db);
    const stripe = { checkoutSessionId: 'cs_test_1', paymentIntentId: 'pi_1', amountPaid: 4900, currency: 'usd' };
    const first = enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'stripe', stripe }, T0);
    expect(first.ok && first.value.enrollment).toMatchObject({
      stripeCheckoutSessionId: 'cs_test_1',
      stripePaymentIntentId: 'pi_1',
      amountPaid: 4900,
      currency: 'usd',
    });
    const replay = enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'stripe', stripe }, T1);
    expect(replay.ok && replay.value.created).toBe(false);
    expect(auditRows(db)).toHaveLength(1);
    expect(JSON.parse(auditRows(db)[0]?.detail ?? '{}')).toMatchObject({ source: 'stripe', checkoutSessionId: 'cs_test_1', amountPaid: 4900 });
  });

  it('answers already-enrolled to a second, different Stripe payment for an active enrollment', () => {
    const db = freshDb();
    const user = createUser(db);
    enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' }, T0);
    const paid = enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'stripe', stripe: { checkoutSessionId: 'cs_2' } }, T1);
    expect(paid).toEqual({ ok: false, error: 'already-enrolled' });
    expect(getEnrollment(db, user.id, COURSE_SLUG)?.stripeCheckoutSessionId).toBeNull();
    expect(auditRows(db)).toHaveLength(1);
  });

  it('reactivates a revoked enrollment with the new source (created true) and audits it', () => {
    const db = freshDb();
    const user = createUser(db);
    const admin = createUser(db, { role: 'admin' });
    enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' }, T0);
    revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: admin.id }, T1);
    const again = enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'admin', actorId: admin.id }, T2);
    expect(again.ok && again.value.created).toBe(true);
    expect(again.ok && again.value.enrollment).toMatchObject({ status: 'active', source: 'admin', updatedAt: T2, createdAt: T0 });
    expect(db.select().from(enrollments).all()).toHaveLength(1);
    const audit = auditRows(db);
    expect(audit.map((a) => a.action)).toEqual(['enroll', 'revoke', 'enroll']);
    expect(audit[2]).toMatchObject({ actorId: admin.id, subjectUserId: user.id });
    expect(JSON.parse(audit[2]?.detail ?? '{}')).toEqual({ source: 'admin', reactivatedFrom: 'revoked' });
  });

  it('reactivates a refunded enrollment when the learner pays again', () => {
    const db = freshDb();
    const user = createUser(db);
    enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'stripe', stripe: { checkoutSessionId: 'cs_a', amountPaid: 1500 } }, T0);
    db.update(enrollments).set({ status: 'refunded' }).where(eq(enrollments.userId, user.id)).run();
    const again = enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'stripe', stripe: { checkoutSessionId: 'cs_b', amountPaid: 4900 } }, T1);
    expect(again.ok && again.value).toMatchObject({
      created: true,
      enrollment: { status: 'active', stripeCheckoutSessionId: 'cs_b', amountPaid: 4900 },
    });
  });
});

describe('enrollFree', () => {
  it('enrolls in a free course with the learner as actor', () => {
    const db = freshDb();
    const user = createUser(db);
    const r = enrollFree(db, user.id, { slug: COURSE_SLUG, price: { type: 'free' } }, T0);
    expect(r.ok && r.value.enrollment).toMatchObject({ source: 'free', status: 'active' });
    expect(auditRows(db)[0]).toMatchObject({ action: 'enroll', actorId: user.id });
  });

  it('refuses a paid course and writes nothing', () => {
    const db = freshDb();
    const user = createUser(db);
    expect(enrollFree(db, user.id, { slug: COURSE_SLUG, price: { type: 'fixed' } })).toEqual({ ok: false, error: 'course-not-free' });
    expect(enrollFree(db, user.id, { slug: COURSE_SLUG, price: { type: 'pay-what-you-can' } })).toEqual({ ok: false, error: 'course-not-free' });
    expect(getEnrollment(db, user.id, COURSE_SLUG)).toBeNull();
    expect(auditRows(db)).toHaveLength(0);
  });
});

describe('revokeEnrollment', () => {
  it('revokes an active enrollment and records actor and reason', () => {
    const db = freshDb();
    const user = createUser(db);
    const admin = createUser(db, { role: 'admin' });
    enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' }, T0);
    const r = revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: admin.id, reason: 'shared account' }, T1);
    expect(r).toEqual({ ok: true, value: undefined });
    expect(getEnrollment(db, user.id, COURSE_SLUG)).toMatchObject({ status: 'revoked', updatedAt: T1 });
    const last = auditRows(db).at(-1);
    expect(last).toMatchObject({ action: 'revoke', actorId: admin.id, subjectUserId: user.id, courseSlug: COURSE_SLUG, createdAt: T1 });
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({ reason: 'shared account' });
  });

  it('answers not-enrolled when there is nothing active to revoke', () => {
    const db = freshDb();
    const user = createUser(db);
    expect(revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: null })).toEqual({ ok: false, error: 'not-enrolled' });
    enroll(db, { userId: user.id, courseSlug: COURSE_SLUG, source: 'free' });
    revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: null });
    expect(revokeEnrollment(db, { userId: user.id, courseSlug: COURSE_SLUG, actorId: null })).toEqual({ ok: false, error: 'not-enrolled' });
    expect(auditRows(db).map((a) => a.action)).toEqual(['enroll', 'revoke']);
  });

  it("leaves another user's enrollment alone", () => {
    const db = freshDb();
    const a = createUser(db);
    const b = createUser(db);
    enroll(db, { userId: a.id, courseSlug: COURSE_SLUG, source: 'free' });
    enroll(db, { userId: b.id, courseSlug: COURSE_SLUG, source: 'free' });
    revokeEnrollment(db, { userId: a.id, courseSlug: COURSE_SLUG, actorId: null });
    expect(getEnrollment(db, b.id, COURSE_SLUG)?.status).toBe('active');
  });
});

describe('listEnrollmentsForUser', () => {
  it('lists active enrollments only, newest first', () => {
    const db = freshDb();
    const user = createUser(db);
    const other = createUser(db);
    enroll(db, { userId: user.id, courseSlug: 'first', source: 'free' }, T0);
    enroll(db, { userId: user.id, courseSlug: 'second', source: 'free' }, T1);
    enroll(db, { userId: user.id, courseSlug: 'revoked', source: 'free' }, T2);
    enroll(db, { userId: other.id, courseSlug: OTHER_COURSE_SLUG, source: 'free' }, T2);
    revokeEnrollment(db, { userId: user.id, courseSlug: 'revoked', actorId: null }, T2);
    expect(listEnrollmentsForUser(db, user.id).map((e) => e.courseSlug)).toEqual(['second', 'first']);
  });

  it('puts a reactivated enrollment at the top', () => {
    const db = freshDb();
    const user = createUser(db);
    enroll(db, { userId: user.id, courseSlug: 'old', source: 'free' }, T0);
    enroll(db, { userId: user.id, courseSlug: 'new', source: 'free' }, T1);
    revokeEnrollment(db, { userId: user.id, courseSlug: 'old', actorId: null }, T1);
    enroll(db, { userId: user.id, courseSlug: 'old', source: 'admin' }, T2);
    expect(listEnrollmentsForUser(db, user.id).map((e) => e.courseSlug)).toEqual(['old', 'new']);
  });
});
