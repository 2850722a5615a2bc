import { eq } from 'drizzle-orm';
import type { Db } from '~/lib/db';
import type { Locale } from '~/lib/i18n/locales';
import { users } from '~db/schema';

/** Stores the interface language a signed-in person chose, so it follows them to other devices. */
export async function setUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db.write((tx) => tx.update(users).set({ locale }).where(eq(users.id, userId)));
}
