import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { commitImport, planImport } from '~/lib/admin/import';
import type { Db } from '~/lib/db';
import { enroll } from '~/lib/enrollment/enrollment';
import { auditLog, enrollments, users } from '~db/schema';
import { freshDb } from '../fixtures';
import { createUser } from '../progress/fixtures';

const COURSES = new Set(['texting-for-turnout', 'chatbots-for-organizing']);
let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

const rowsOf = async () => (await db.read.select({ n: count() }).from(enrollments))[0]!.n;

describe('bulk import', () => {
  it('reports each kind of bad row with its line, in a 5,000-row file, and commits only the good ones', async () => {
    const taken = await createUser(db, { email: 'already@example.org' });
    await enroll(db, { userId: taken.id, courseSlug: 'texting-for-turnout', source: 'free' });
    const lines = ['email;name;course;group;language'];
    for (let i = 0; i < 5_000; i++)
      lines.push(
        `learner${i}@example.org;Learner ${i};texting-for-turnout;Tenants Union Local ${i % 7};${i % 2 ? 'es' : 'en'}`,
      );
    // A dozen kinds of bad rows, at known lines (line = index + 1).
    const bad: [string, string][] = [
      ['not-an-email;X;texting-for-turnout;;', 'email-invalid'],
      ['a b@example.org;X;texting-for-turnout;;', 'email-invalid'],
      [';X;texting-for-turnout;;', 'email-invalid'],
      ['ok1@example.org;X;no-such-course;;', 'course-unknown'],
      ['ok2@example.org;X;;;', 'course-unknown'],
      ['ok3@example.org;X;texting-for-turnout;;fr', 'language-invalid'],
      [`ok4@example.org;${'N'.repeat(200)};texting-for-turnout;;`, 'name-invalid'],
      [`ok5@example.org;X;texting-for-turnout;${'G'.repeat(200)};`, 'group-too-long'],
      ['learner7@example.org;Dup;texting-for-turnout;;', 'duplicate-in-file'],
      ['LEARNER8@Example.org;Dup;texting-for-turnout;;', 'duplicate-in-file'],
      ['already@example.org;Taken;texting-for-turnout;;', 'already-enrolled'],
      ['ok6@example.org;"Bell\u0007";texting-for-turnout;;', 'name-invalid'],
    ];
    const badLines = bad.map(([row]) => {
      lines.push(row);
      return lines.length;
    });
    const plan = await planImport(db.read, `\uFEFF${lines.join('\r\n')}\r\n`, COURSES);
    expect(plan.total).toBe(5_012);
    expect(plan.rows).toHaveLength(5_000);
    expect(plan.problems.map((p) => [p.line, p.code])).toEqual(
      bad.map(([, code], i) => [badLines[i], code]),
    );
    expect(
      plan.problems.find((p) => p.code === 'duplicate-in-file' && p.line === badLines[8])?.detail,
    ).toBe('9');
    expect(plan.problems.find((p) => p.code === 'course-unknown')?.detail).toBe('no-such-course');

    const result = await commitImport(db, plan, null);
    expect(result.enrolled).toBe(5_000);
    expect(result.newUserIds).toHaveLength(5_000);
    expect(await rowsOf()).toBe(5_001);
    const [one] = await db.read
      .select()
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(eq(users.email, 'learner3@example.org'));
    expect(one).toMatchObject({
      enrollments: { source: 'import', partnerGroup: 'Tenants Union Local 3', status: 'active' },
      users: { displayName: 'Learner 3', locale: 'es', passwordHash: null },
    });
    expect(await db.read.select().from(auditLog).where(eq(auditLog.action, 'import'))).toHaveLength(
      1,
    );
  }, 60_000);

  it('leaves nothing behind when the commit fails partway', async () => {
    const plan = await planImport(
      db.read,
      'email,name,course\na@example.org,A,texting-for-turnout\nb@example.org,B,chatbots-for-organizing\n',
      COURSES,
    );
    expect(plan.rows).toHaveLength(2);
    const failing: Db = {
      ...db,
      write: (work) =>
        db.write(async (tx) => {
          await work(tx);
          throw new Error('disk full');
        }),
    };
    await expect(commitImport(failing, plan, null)).rejects.toThrow('disk full');
    expect(await rowsOf()).toBe(0);
    expect((await db.read.select({ n: count() }).from(users))[0]!.n).toBe(0);
    expect((await db.read.select({ n: count() }).from(auditLog))[0]!.n).toBe(0);
  });

  it('refuses files it cannot use, saying why', async () => {
    expect(
      (await planImport(db.read, 'name,course\nA,texting-for-turnout\n', COURSES)).problems,
    ).toEqual([{ line: 1, code: 'column-missing', detail: 'email' }]);
    expect((await planImport(db.read, '', COURSES)).problems).toEqual([
      { line: 1, code: 'csv-empty' },
    ]);
    expect((await planImport(db.read, 'email,course\n"open,x\n', COURSES)).problems[0]?.code).toBe(
      'csv-unreadable',
    );
  });

  it('enrolls an existing account without touching its name, and counts a row someone enrolled meanwhile once', async () => {
    const ada = await createUser(db, { email: 'ada@example.org' });
    const plan = await planImport(
      db.read,
      'email,name,course\nada@example.org,Someone Else,texting-for-turnout\n',
      COURSES,
    );
    await enroll(db, { userId: ada.id, courseSlug: 'texting-for-turnout', source: 'free' });
    const result = await commitImport(db, plan, null);
    expect(result).toEqual({ enrolled: 0, newUserIds: [], firstCourse: new Map() });
    expect(await rowsOf()).toBe(1);
    expect(
      (await db.read.select({ name: users.displayName }).from(users).where(eq(users.id, ada.id)))[0]
        ?.name,
    ).not.toBe('Someone Else');
  });
});
