import { randomUUID } from 'node:crypto';
import { createUser } from '~/lib/auth/account';
import type { Role, SessionUser } from '~/lib/auth/user';
import { enroll } from '~/lib/enrollment/enrollment';
import { getDb } from '~/server/runtime';

/**
 * A new account in the server's own database, as the session middleware would hand it to a page.
 * Addresses are unique, so tests never depend on what else the database holds.
 */
export async function person(role: Role = 'learner'): Promise<SessionUser> {
  const email = `${role}-${randomUUID()}@example.org`;
  const created = await createUser(await getDb(), { email, displayName: `Test ${role}`, role });
  if (!created.ok) throw new Error(`could not create a ${role}: ${created.error}`);
  return {
    id: created.value.userId,
    email,
    displayName: `Test ${role}`,
    role,
    locale: 'en',
    valuesVersion: 1,
  };
}

/** A new learner enrolled in `courseSlug` for free, as the enroll button does. */
export async function enrolledPerson(courseSlug: string): Promise<SessionUser> {
  const learner = await person();
  const enrolled = await enroll(await getDb(), {
    userId: learner.id,
    courseSlug,
    source: 'free',
    actorId: learner.id,
  });
  if (!enrolled.ok) throw new Error(`could not enroll in ${courseSlug}: ${enrolled.error}`);
  return learner;
}
