import { describe, expect, it } from 'vitest';
import { reportableCourses } from '~/lib/admin/report-access';

const courses = [
  { slug: 'organizing', instructors: ['ana', 'bo'] },
  { slug: 'turnout', instructors: ['bo'] },
  { slug: 'fundraising', instructors: ['cy'] },
];
const instructors = [
  { id: 'ana', accounts: ['Ana@Example.org'] },
  { id: 'bo', accounts: ['bo@example.org', 'bo.work@example.org'] },
  { id: 'cy', accounts: [] },
];

describe('reportableCourses', () => {
  it('gives an admin every course, named or not', () => {
    expect(
      reportableCourses({ role: 'admin', email: 'someone@example.org' }, courses, instructors),
    ).toEqual(['organizing', 'turnout', 'fundraising']);
  });

  it('gives an instructor only the courses that name an entry listing their address, in any case', () => {
    expect(
      reportableCourses({ role: 'instructor', email: 'ana@example.org' }, courses, instructors),
    ).toEqual(['organizing']);
    expect(
      reportableCourses(
        { role: 'instructor', email: ' BO.WORK@example.org' },
        courses,
        instructors,
      ),
    ).toEqual(['organizing', 'turnout']);
  });

  it('gives an instructor no entry lists nothing, and a learner nothing even with a listed address', () => {
    expect(
      reportableCourses({ role: 'instructor', email: 'dee@example.org' }, courses, instructors),
    ).toEqual([]);
    expect(
      reportableCourses({ role: 'learner', email: 'ana@example.org' }, courses, instructors),
    ).toEqual([]);
  });

  it('does not match an address that only contains a listed one', () => {
    expect(
      reportableCourses({ role: 'instructor', email: 'xana@example.org' }, courses, instructors),
    ).toEqual([]);
  });
});
