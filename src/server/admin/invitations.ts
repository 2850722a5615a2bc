import { inArray } from 'drizzle-orm';
import { createSetPasswordLinks } from '~/lib/auth/password-reset';
import type { Db } from '~/lib/db';
import { inviteEmail } from '~/lib/mail/templates';
import { users } from '~db/schema';
import { getCurriculum } from '../catalog';
import { getMailer, siteUrl } from '../runtime';

/**
 * E-mails each new account (made by an admin or an import) a one-time link to choose its
 * password, in the person's language. Delivery failures are recorded by the mailer; the accounts
 * stay, and "Forgot your password?" works for them too.
 */
export async function sendInvitations(
  db: Db,
  userIds: readonly number[],
  courseSlug: string,
): Promise<void> {
  if (userIds.length === 0) return;
  const links = await createSetPasswordLinks(db, userIds, siteUrl);
  const mailer = await getMailer();
  const titles = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const people = await db.read
      .select({ id: users.id, email: users.email, name: users.displayName, locale: users.locale })
      .from(users)
      .where(inArray(users.id, userIds.slice(i, i + 500)));
    for (const person of people) {
      const key = `${courseSlug}/${person.locale}`;
      if (!titles.has(key))
        titles.set(
          key,
          (await getCurriculum(courseSlug, person.locale))?.course.title ?? courseSlug,
        );
      const url = links.get(person.id)!;
      await mailer
        .send({
          to: person.email,
          ...inviteEmail(person.locale, { name: person.name, course: titles.get(key)!, url }),
          redact: [url],
        })
        .catch(() => undefined);
    }
  }
}
