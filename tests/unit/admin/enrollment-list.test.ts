import { beforeEach, describe, expect, it } from 'vitest';
import { enrollByEmail } from '~/lib/admin/enroll-by-email';
import {
  eachEnrollment,
  listEnrollments,
  PAGE_SIZE,
  partnerGroups,
  ENROLLMENT_CSV_HEADER,
  enrollmentCsvLines,
  type EnrollmentListRow,
} from '~/lib/admin/enrollment-list';
import { describeAuditDetail, listAudit, parseDetail } from '~/lib/admin/audit-list';
import type { Db } from '~/lib/db';
import { enroll, revokeEnrollment } from '~/lib/enrollment/enrollment';
import { enrollments, users } from '~db/schema';
import { freshDb } from '../fixtures';

let db: Db;
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));

beforeEach(async () => {
  db = await freshDb();
  await db.write(async (tx) => {
    const people = await tx
      .insert(users)
      .values([
        { email: 'ana@example.org', displayName: 'Ana Ruiz' },
        { email: 'bo@example.org', displayName: 'Bo 100% Organizer' },
        { email: 'cy@example.org', displayName: '=HYPERLINK("http://x")' },
        ...Array.from({ length: 120 }, (_, i) => ({
          email: `bulk${i}@example.org`,
          displayName: `Bulk ${i}`,
        })),
      ])
      .returning({ id: users.id, email: users.email });
    await tx.insert(enrollments).values(
      people.map((p, i) => ({
        userId: p.id,
        courseSlug: i % 2 ? 'texting-for-turnout' : 'chatbots-for-organizing',
        source: (i < 3 ? 'free' : 'import') as 'free' | 'import',
        partnerGroup: i < 3 ? null : i % 3 ? 'Tenants Union' : 'Gig Workers Alliance',
        createdAt: day(1 + (i % 28)),
      })),
    );
  });
});

describe('the admin enrollment list', () => {
  it('searches e-mail and name, case-insensitively, with % and _ taken literally', async () => {
    expect((await listEnrollments(db.read, { q: 'ANA' })).rows.map((r) => r.email)).toEqual([
      'ana@example.org',
    ]);
    expect((await listEnrollments(db.read, { q: '100%' })).rows.map((r) => r.email)).toEqual([
      'bo@example.org',
    ]);
    expect((await listEnrollments(db.read, { q: '%' })).total).toBe(1);
    expect((await listEnrollments(db.read, { q: 'bulk_' })).total).toBe(0);
    expect((await listEnrollments(db.read, { q: 'hyperlink' })).rows[0]?.displayName).toBe(
      '=HYPERLINK("http://x")',
    );
  });

  it('pages through a search in the order asked, with its total, and past the end shows the last page', async () => {
    const first = await listEnrollments(db.read, { q: 'bulk', sort: 'email' });
    expect(first.total).toBe(120);
    expect(first.pages).toBe(Math.ceil(120 / PAGE_SIZE));
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0]?.email).toBe('bulk0@example.org');
    const second = await listEnrollments(db.read, { q: 'bulk', sort: 'email', page: 2 });
    expect(second.page).toBe(2);
    expect(second.total).toBe(120);
    expect(second.rows[0]?.email).toBe(
      [...Array(120).keys()].map((i) => `bulk${i}@example.org`).sort()[PAGE_SIZE],
    );
    const past = await listEnrollments(db.read, { q: 'bulk', sort: 'email', page: 99 });
    expect(past.page).toBe(first.pages);
    expect(past.total).toBe(120);
    expect(past.rows).toHaveLength(120 - PAGE_SIZE * (first.pages - 1));
    const none = await listEnrollments(db.read, { q: 'nobody-by-this-name' });
    expect(none).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
  });

  it('filters by course, source, group and date, and pages through the rest', async () => {
    const all = await listEnrollments(db.read, {});
    expect(all.total).toBe(123);
    expect(all.pages).toBe(Math.ceil(123 / PAGE_SIZE));
    expect(all.rows).toHaveLength(PAGE_SIZE);
    const last = await listEnrollments(db.read, { page: 99 });
    expect(last.page).toBe(all.pages);
    expect(last.rows).toHaveLength(123 - PAGE_SIZE * (all.pages - 1));
    expect((await listEnrollments(db.read, { source: 'free' })).total).toBe(3);
    expect(
      (
        await listEnrollments(db.read, {
          group: 'Gig Workers Alliance',
          course: 'texting-for-turnout',
        })
      ).rows.every(
        (r) => r.partnerGroup === 'Gig Workers Alliance' && r.courseSlug === 'texting-for-turnout',
      ),
    ).toBe(true);
    const week = await listEnrollments(db.read, { from: '2026-11-01', to: '2026-11-07' });
    expect(week.rows.every((r) => r.createdAt >= day(1) && r.createdAt <= day(7))).toBe(true);
    expect(week.total).toBeGreaterThan(0);
    expect(await partnerGroups(db.read)).toEqual(['Gig Workers Alliance', 'Tenants Union']);
  });

  it('sorts newest first by default, or by e-mail', async () => {
    const newest = (await listEnrollments(db.read, {})).rows.map((r) => r.createdAt.getTime());
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    const byEmail = (await listEnrollments(db.read, { sort: 'email' })).rows.map((r) => r.email);
    expect(byEmail).toEqual([...byEmail].sort());
  });

  it('streams every match in batches for the export', async () => {
    const seen: number[] = [];
    for await (const batch of eachEnrollment(db.read, { course: 'texting-for-turnout' }, 10)) {
      expect(batch.length).toBeLessThanOrEqual(10);
      seen.push(...batch.map((r) => r.id));
    }
    expect(seen).toHaveLength(
      (await listEnrollments(db.read, { course: 'texting-for-turnout' })).total,
    );
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('enroll by e-mail, revoke and restore', () => {
  it('creates an account for a new address, enrolls an existing one, and audits the reason', async () => {
    const [admin] = await db.write((tx) =>
      tx
        .insert(users)
        .values({ email: 'admin@example.org', displayName: 'Admin', role: 'admin' })
        .returning({ id: users.id }),
    );
    const fresh = await enrollByEmail(db, {
      email: ' New.Person@Example.org ',
      course: 'texting-for-turnout',
      locale: 'es',
      group: 'Tenants Union',
      reason: 'scholarship',
      actorId: admin!.id,
    });
    expect(fresh).toMatchObject({ ok: true, value: { newAccount: true, enrolled: true } });
    const again = await enrollByEmail(db, {
      email: 'new.person@example.org',
      course: 'texting-for-turnout',
      locale: 'en',
      actorId: admin!.id,
    });
    expect(again).toMatchObject({ ok: true, value: { newAccount: false, enrolled: false } });
    expect(
      await enrollByEmail(db, { email: 'nope', course: 'x', locale: 'en', actorId: null }),
    ).toMatchObject({ ok: false, error: 'email-invalid' });
    const person = (await listEnrollments(db.read, { q: 'new.person' })).rows[0]!;
    expect(person).toMatchObject({
      source: 'admin',
      partnerGroup: 'Tenants Union',
      status: 'active',
    });

    await revokeEnrollment(db, {
      userId: person.userId,
      courseSlug: person.courseSlug,
      actorId: admin!.id,
      reason: 'shared login',
    });
    await enroll(db, {
      userId: person.userId,
      courseSlug: person.courseSlug,
      source: 'admin',
      actorId: admin!.id,
      reason: 'fixed',
    });
    const log = await listAudit(db.read, { subject: 'new.person@example.org' });
    expect(log.rows.map((r) => [r.action, r.actor, r.detail.reason])).toEqual([
      ['enroll', 'admin@example.org', 'fixed'],
      ['revoke', 'admin@example.org', 'shared login'],
      ['enroll', 'admin@example.org', 'scholarship'],
    ]);
  });
});

describe('the enrollment export format', () => {
  it('starts with a byte-order mark and the column names, and neutralises formula-like cells', () => {
    expect(
      ENROLLMENT_CSV_HEADER.startsWith(
        '\uFEFFemail,name,course,status,source,group,enrolled_at,amount_paid,amount_refunded,currency,',
      ),
    ).toBe(true);
    const line = enrollmentCsvLines([
      {
        id: 1,
        userId: 1,
        stripeCheckoutSessionId: null,
        email: 'ada@example.org',
        displayName: '=HYPERLINK("http://x")',
        courseSlug: 'course',
        status: 'refunded',
        source: 'stripe',
        partnerGroup: null,
        createdAt: new Date('2026-03-01T12:00:00Z'),
        amountPaid: 4900,
        amountRefunded: 1250,
        currency: 'usd',
        promotionCode: null,
        stripePaymentIntentId: 'pi_1',
        disputedAt: null,
      } satisfies EnrollmentListRow,
    ]);
    expect(line).toContain(`'=HYPERLINK`);
    expect(line).toContain('2026-03-01T12:00:00.000Z,49.00,12.50,usd,,pi_1,');
    expect(enrollmentCsvLines([])).toBe('');
  });
});

describe('an audit detail as an admin reads it', () => {
  it('is its fields in words, and nothing for an empty or unreadable one', () => {
    expect(describeAuditDetail(parseDetail('{"reason":"duplicate","amount":4900}'))).toBe(
      'reason: duplicate; amount: 4900',
    );
    expect(describeAuditDetail(parseDetail('{"from":{"role":"learner"}}'))).toBe(
      'from: {"role":"learner"}',
    );
    for (const text of [null, '', 'not json', '"just text"'])
      expect(describeAuditDetail(parseDetail(text)), String(text)).toBe('');
  });
});
