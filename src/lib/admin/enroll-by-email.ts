import { eq } from 'drizzle-orm';
import { validateDisplayName } from '~/lib/auth/display-name';
import { validateEmail } from '~/lib/auth/email';
import type { Db } from '~/lib/db';
import { enrollWithin } from '~/lib/enrollment/enrollment';
import type { Locale } from '~/lib/i18n/locales';
import type { Result } from '~/lib/result';
import { users } from '~db/schema';

export interface EnrollByEmailInput {
  email: string;
  /** Used only when the address has no account yet. */
  name?: string;
  course: string;
  locale: Locale;
  group?: string | null;
  reason?: string;
  actorId: number | null;
}

export interface EnrollByEmailOutcome {
  userId: number;
  /** An account was created: it has no password, so send a set-password link. */
  newAccount: boolean;
  /** False when the person was already enrolled and nothing changed. */
  enrolled: boolean;
}

/**
 * An admin enrolls someone by e-mail address: an existing account is enrolled (or its revoked or
 * refunded enrollment restored); a new address gets an account first. One transaction.
 * @example const r = await enrollByEmail(db, { email: 'ana@example.org', course: 'texting-for-turnout', locale: 'es', actorId: admin.id });
 */
export async function enrollByEmail(
  db: Db,
  input: EnrollByEmailInput,
  now: Date = new Date(),
): Promise<Result<EnrollByEmailOutcome, 'email-invalid' | 'name-invalid'>> {
  const email = validateEmail(input.email);
  if (!email.ok) return email;
  const name = validateDisplayName(input.name?.trim() || email.value.split('@')[0]!);
  if (!name.ok) return { ...name, field: 'name' };
  return db.write(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email.value))
      .limit(1);
    let userId = existing?.id;
    if (userId === undefined) {
      const [created] = await tx
        .insert(users)
        .values({
          email: email.value,
          displayName: name.value,
          locale: input.locale,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      userId =
        created?.id ??
        (
          await tx.select({ id: users.id }).from(users).where(eq(users.email, email.value)).limit(1)
        )[0]!.id;
    }
    const result = await enrollWithin(
      tx,
      {
        userId,
        courseSlug: input.course,
        source: 'admin',
        actorId: input.actorId,
        partnerGroup: input.group ?? null,
        ...(input.reason ? { reason: input.reason } : {}),
      },
      now,
    );
    return {
      ok: true,
      value: {
        userId,
        newAccount: existing === undefined,
        enrolled: result.ok && result.value.created,
      },
    } as const;
  });
}
