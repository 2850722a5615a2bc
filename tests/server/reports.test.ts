import { translator } from '~/lib/i18n/translate';
import { describe, expect, it } from 'vitest';
import { createUser } from '~/lib/auth/account';
import type { SessionUser } from '~/lib/auth/user';
import { enroll } from '~/lib/enrollment/enrollment';
import { recordLessonView } from '~/lib/progress/progress';
import { listCourses } from '~/server/catalog';
import { loadCourseReport, reportCourses, requireStaff } from '~/server/reports';
import { getDb } from '~/server/runtime';
import { person } from './people';

/** Reports for staff, over the project's own content and a real database. */

const ORGANIZING = 'chatbots-for-organizing';
const TURNOUT = 'texting-for-turnout';
// content/instructors/christine-miranda.mdx lists this address under `accounts`; she teaches ORGANIZING only.
const CHRISTINE = 'instructor@botcamp.localhost';

// As the middleware sets them: the locale and its translator.
const locals = (user: SessionUser | null, locale: 'en' | 'es' = 'en') =>
  ({ user, locale, t: translator(locale), session: null }) as App.Locals;

/** The instructor account the content names; created once (the address is unique). */
let christine: Promise<SessionUser> | undefined;
function christineAccount(): Promise<SessionUser> {
  christine ??= (async () => {
    const db = await getDb();
    const r = await createUser(db, {
      email: CHRISTINE,
      displayName: 'Christine',
      role: 'instructor',
    });
    if (!r.ok) throw new Error(r.error);
    return {
      id: r.value.userId,
      email: CHRISTINE,
      displayName: 'Christine',
      role: 'instructor',
      locale: 'en',
      valuesVersion: 1,
    } satisfies SessionUser;
  })();
  return christine;
}

describe('requireStaff', () => {
  const url = new URL('http://localhost/reports/chatbots-for-organizing?week=3');

  it('sends a visitor to log in, back to the same report afterwards', () => {
    const r = requireStaff(locals(null), url);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.response.status).toBe(302);
      expect(r.response.headers.get('Location')).toBe(
        `/login?next=${encodeURIComponent('/reports/chatbots-for-organizing?week=3')}`,
      );
    }
  });

  it('refuses a learner in their language', async () => {
    const learner = await person();
    for (const [locale, text] of [
      ['en', 'You are not allowed to do that.'],
      ['es', 'No tienes permiso para hacer eso.'],
    ] as const) {
      const r = requireStaff(locals(learner, locale), url);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.response.status).toBe(403);
        expect(await r.response.text()).toBe(text);
      }
    }
  });

  it('lets instructors and admins through', async () => {
    for (const role of ['instructor', 'admin'] as const) {
      const staff = await person(role);
      expect(requireStaff(locals(staff), url)).toEqual({ ok: true, user: staff });
    }
  });
});

describe('reportCourses', () => {
  it('gives an admin every course, by title', async () => {
    const titles = (await listCourses('en')).map((c) => ({ slug: c.slug, title: c.course.title }));
    expect(await reportCourses(await person('admin'))).toEqual(titles);
  });

  it('gives an instructor the courses whose instructor entry lists their address, and no others', async () => {
    expect((await reportCourses(await christineAccount())).map((c) => c.slug)).toEqual([
      ORGANIZING,
    ]);
    expect(await reportCourses(await person('instructor'))).toEqual([]);
  });
});

describe('loadCourseReport', () => {
  it('reports on a course the instructor teaches, refuses one they do not, and knows no unknown course', async () => {
    const instructor = await christineAccount();
    const db = await getDb();
    const learner = await person();
    await enroll(db, {
      userId: learner.id,
      courseSlug: ORGANIZING,
      source: 'free',
      actorId: learner.id,
    });
    await recordLessonView(db, learner.id, ORGANIZING, 'why-chatbots-for-organizing');

    const loaded = await loadCourseReport(ORGANIZING, instructor);
    if (typeof loaded === 'string') throw new Error(loaded);
    expect(loaded.curriculum.slug).toBe(ORGANIZING);
    expect(loaded.report.enrolledActive).toBeGreaterThanOrEqual(1);
    expect(loaded.report.funnel.map((s) => s.lessonSlug)).toEqual(
      loaded.curriculum.lessons.map((l) => l.slug),
    );
    expect(
      loaded.report.funnel.find((s) => s.lessonSlug === 'why-chatbots-for-organizing')!.viewed,
    ).toBeGreaterThanOrEqual(1);

    expect(await loadCourseReport(TURNOUT, instructor)).toBe('forbidden');
    expect(await loadCourseReport('no-such-course', instructor)).toBe('not-found');
    expect(typeof (await loadCourseReport(TURNOUT, await person('admin')))).toBe('object');
  });
});
