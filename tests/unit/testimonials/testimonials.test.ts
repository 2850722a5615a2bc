import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '~/lib/db';
import { completeLesson } from '~/lib/progress/progress';
import { issueCertificateIfComplete } from '~/lib/progress/certificate';
import {
  approvedTestimonials,
  listTestimonials,
  moderateTestimonial,
  submitTestimonial,
  type TestimonialInput,
} from '~/lib/testimonials/testimonials';
import { auditLog } from '~db/schema';
import { makeUser, T0, at, MINUTE } from '../auth/helpers';
import { freshDb } from '../fixtures';

const COURSE = 'texting-for-turnout';
const QUOTE = 'The reminder plan got our whole phone bank texting in one evening.';

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.close();
});

/** A learner who finished COURSE (a one-lesson course here) and holds its certificate. */
async function graduate(email: string): Promise<number> {
  const userId = await makeUser(db, email);
  await completeLesson(
    db,
    userId,
    COURSE,
    { slug: 'only-lesson', requiresQuiz: false, quizIds: [] },
    T0,
  );
  const certificate = await issueCertificateIfComplete(
    db,
    { userId, courseSlug: COURSE, displayName: 'Ada', lessonSlugs: ['only-lesson'] },
    T0,
  );
  if (!certificate) throw new Error('no certificate');
  return userId;
}

const input = (userId: number, extra: Partial<TestimonialInput> = {}): TestimonialInput => ({
  userId,
  courseSlug: COURSE,
  quote: QUOTE,
  name: 'Ada Lovelace',
  role: 'Organizer',
  organization: 'Local 12',
  consent: true,
  ...extra,
});

describe('submitTestimonial', () => {
  it('takes a testimonial only from someone who finished the course', async () => {
    const learner = await makeUser(db, 'not-done@example.org');
    expect(await submitTestimonial(db, input(learner))).toEqual({
      ok: false,
      error: 'not-finished',
    });
    const graduateId = await graduate('done@example.org');
    // A certificate in another course does not count.
    expect(
      await submitTestimonial(db, input(graduateId, { courseSlug: 'chatbots-for-organizing' })),
    ).toEqual({ ok: false, error: 'not-finished' });
    const submitted = await submitTestimonial(db, input(graduateId));
    expect(submitted.ok).toBe(true);
    expect(
      (await listTestimonials(db, 'pending')).map((t) => [
        t.courseSlug,
        t.quote,
        t.name,
        t.role,
        t.organization,
      ]),
    ).toEqual([[COURSE, QUOTE, 'Ada Lovelace', 'Organizer', 'Local 12']]);
  });

  it('says which field is wrong', async () => {
    const userId = await graduate('fields@example.org');
    expect(await submitTestimonial(db, input(userId, { quote: 'Too short.' }))).toEqual({
      ok: false,
      error: 'quote-invalid',
      field: 'quote',
    });
    expect(await submitTestimonial(db, input(userId, { quote: 'x'.repeat(601) }))).toEqual({
      ok: false,
      error: 'quote-invalid',
      field: 'quote',
    });
    expect(await submitTestimonial(db, input(userId, { name: '   ' }))).toEqual({
      ok: false,
      error: 'name-invalid',
      field: 'name',
    });
    expect(await submitTestimonial(db, input(userId, { name: 'n'.repeat(81) }))).toEqual({
      ok: false,
      error: 'name-invalid',
      field: 'name',
    });
    expect(await submitTestimonial(db, input(userId, { role: 'r'.repeat(81) }))).toEqual({
      ok: false,
      error: 'field-too-long',
      field: 'role',
    });
    expect(await submitTestimonial(db, input(userId, { organization: 'o'.repeat(121) }))).toEqual({
      ok: false,
      error: 'field-too-long',
      field: 'organization',
    });
    expect(await submitTestimonial(db, input(userId, { consent: false }))).toEqual({
      ok: false,
      error: 'consent-required',
      field: 'consent',
    });
    expect(await listTestimonials(db, 'pending')).toEqual([]);
  });

  it('tidies whitespace and control characters, counts length after tidying, and leaves optional fields empty as null', async () => {
    const userId = await graduate('tidy@example.org');
    const padded = `  ${QUOTE.replace(/ /g, ' \n\t ')}\u0000  `;
    expect(
      (
        await submitTestimonial(
          db,
          input(userId, { quote: padded, role: '  ', organization: null }),
        )
      ).ok,
    ).toBe(true);
    const [row] = await listTestimonials(db, 'pending');
    expect(row).toMatchObject({ quote: QUOTE, role: null, organization: null });
    // 59 characters as typed, 19 once tidied: still too short.
    expect(
      await submitTestimonial(db, input(userId, { quote: `${'a'.repeat(19)}${' '.repeat(40)}` })),
    ).toMatchObject({ ok: false, error: 'quote-invalid' });
  });

  it('keeps markup as the text it is: stored and listed verbatim, never stripped or turned into entities', async () => {
    const userId = await graduate('markup@example.org');
    const quote = 'Loved it <script>alert("x")</script> & <b>bold</b> claims 5 > 3';
    expect(
      (await submitTestimonial(db, input(userId, { quote, name: '<img src=x onerror=alert(1)>' })))
        .ok,
    ).toBe(true);
    const [pending] = await listTestimonials(db, 'pending');
    expect(pending).toMatchObject({ quote, name: '<img src=x onerror=alert(1)>' });
    await moderateTestimonial(db, userId, pending!.id, 'approved');
    expect(await approvedTestimonials(db, COURSE)).toEqual([
      { quote, name: '<img src=x onerror=alert(1)>', role: 'Organizer', organization: 'Local 12' },
    ]);
  });

  it('replaces a pending testimonial on a second submission instead of piling up', async () => {
    const userId = await graduate('twice@example.org');
    const first = await submitTestimonial(db, input(userId), T0);
    const second = await submitTestimonial(
      db,
      input(userId, { quote: `${QUOTE} Second thoughts: even better.` }),
      at(MINUTE),
    );
    expect(first.ok && second.ok).toBe(true);
    expect(first.ok && second.ok && second.value.id).toBe(first.ok && first.value.id);
    const pending = await listTestimonials(db, 'pending');
    expect(pending.map((t) => t.quote)).toEqual([`${QUOTE} Second thoughts: even better.`]);
    expect(pending[0]!.createdAt).toEqual(at(MINUTE));
  });

  it('starts a new one once the earlier one was decided', async () => {
    const userId = await graduate('again@example.org');
    const first = await submitTestimonial(db, input(userId));
    await moderateTestimonial(db, userId, first.ok ? first.value.id : -1, 'rejected');
    const second = await submitTestimonial(db, input(userId));
    expect(second.ok && first.ok && second.value.id !== first.value.id).toBe(true);
    expect((await listTestimonials(db, 'rejected')).length).toBe(1);
    expect((await listTestimonials(db, 'pending')).length).toBe(1);
  });
});

describe('moderation', () => {
  it('lists the queue oldest first and publishes only what an admin approved, newest first', async () => {
    const [ana, ben, cai] = [
      await graduate('ana@example.org'),
      await graduate('ben@example.org'),
      await graduate('cai@example.org'),
    ];
    const admin = await makeUser(db, 'admin@example.org');
    const ids: number[] = [];
    for (const [i, userId] of [ana, ben, cai].entries()) {
      const r = await submitTestimonial(
        db,
        input(userId, { quote: `${QUOTE} (${i})`, name: `Person ${i}` }),
        at(i * MINUTE),
      );
      if (r.ok) ids.push(r.value.id);
    }
    expect((await listTestimonials(db, 'pending')).map((t) => t.name)).toEqual([
      'Person 0',
      'Person 1',
      'Person 2',
    ]);
    expect(await approvedTestimonials(db, COURSE)).toEqual([]);

    expect(await moderateTestimonial(db, admin, ids[0]!, 'approved')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await moderateTestimonial(db, admin, ids[1]!, 'rejected')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await moderateTestimonial(db, admin, ids[2]!, 'approved')).toEqual({
      ok: true,
      value: undefined,
    });

    expect((await approvedTestimonials(db, COURSE)).map((t) => t.name)).toEqual([
      'Person 2',
      'Person 0',
    ]);
    expect(await approvedTestimonials(db, 'chatbots-for-organizing')).toEqual([]);
    expect((await listTestimonials(db, 'rejected')).map((t) => t.name)).toEqual(['Person 1']);
    expect(await listTestimonials(db, 'pending')).toEqual([]);
  });

  it('writes each decision to the audit log, and answers not-found for an unknown testimonial', async () => {
    const userId = await graduate('audit@example.org');
    const admin = await makeUser(db, 'admin@example.org');
    const r = await submitTestimonial(db, input(userId));
    const id = r.ok ? r.value.id : -1;
    await moderateTestimonial(db, admin, id, 'approved');
    await moderateTestimonial(db, admin, id, 'rejected');
    const entries = await db.read.select().from(auditLog).where(eq(auditLog.actorId, admin));
    expect(
      entries.map((e) => [e.action, e.subjectUserId, e.courseSlug, JSON.parse(e.detail ?? '{}')]),
    ).toEqual([
      ['testimonial.approved', userId, COURSE, { testimonialId: id }],
      ['testimonial.rejected', userId, COURSE, { testimonialId: id }],
    ]);
    expect(await approvedTestimonials(db, COURSE)).toEqual([]);
    expect(await moderateTestimonial(db, admin, id + 1000, 'approved')).toEqual({
      ok: false,
      error: 'not-found',
    });
  });
});
