import { and, count, eq, isNull } from 'drizzle-orm';
import { isUniqueViolation, type Db, type Query } from '~/lib/db';
import { lockKeys } from '~/lib/db/locks';
import type { Result } from '~/lib/result';
import { sessions, users } from '~db/schema';
import { recordAudit } from '~/lib/audit/audit-log';
import { validateDisplayName } from './display-name';
import { validateEmail } from './email';
import { isRole, type Role, type UserLocale } from './user';

/**
 * Administrative account changes. `actorId` is the admin acting through the web UI, or null for
 * the CLI, which is trusted because it needs shell access to the server. A web actor must be an
 * enabled admin, checked here too so a route that forgets its guard still cannot escalate.
 */

export interface CreateUserInput {
  email: string;
  displayName: string;
  role?: Role;
  locale?: UserLocale;
  actorId?: number | null;
}

type AdminError = 'forbidden' | 'user-not-found' | 'last-admin';

/** Null when the actor may administer accounts. */
async function actorError(tx: Query, actorId: number | null): Promise<'forbidden' | null> {
  if (actorId === null) return null;
  const [actor] = await tx
    .select({ role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, actorId))
    .limit(1);
  return actor?.role === 'admin' && actor.disabledAt === null ? null : 'forbidden';
}

/**
 * Would this change leave no enabled admin? Then nobody could administer the site any more.
 * Two admins demoted at once on two servers must not both see "one other admin left": the count
 * is taken under a lock every such change takes.
 */
async function removesLastAdmin(
  tx: Query,
  target: { role: Role; disabledAt: Date | null },
): Promise<boolean> {
  if (target.role !== 'admin' || target.disabledAt !== null) return false;
  await lockKeys(tx, ['enabled-admins']);
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
  return (row?.n ?? 0) <= 1;
}

/**
 * Creates an account without a password (the person sets one through a set-password link).
 * For the admin UI and the CLI's first admin.
 *
 * @example
 * const r = await createUser(db, { email: 'ada@example.org', displayName: 'Ada', role: 'admin' });
 * if (r.ok) console.log(await createSetPasswordLink(db, r.value.userId, siteUrl));
 */
export async function createUser(
  db: Db,
  input: CreateUserInput,
  now: Date = new Date(),
): Promise<
  Result<
    { userId: number },
    'email-invalid' | 'name-invalid' | 'email-taken' | 'role-invalid' | 'forbidden'
  >
> {
  const email = validateEmail(input.email);
  if (!email.ok) return email;
  const name = validateDisplayName(input.displayName);
  if (!name.ok) return name;
  const role = input.role ?? 'learner';
  if (!isRole(role)) return { ok: false, error: 'role-invalid', field: 'role' };
  const actorId = input.actorId ?? null;
  try {
    return await db.write(async (tx) => {
      if ((await actorError(tx, actorId)) !== null)
        return { ok: false, error: 'forbidden' } as const;
      const [row] = await tx
        .insert(users)
        .values({
          email: email.value,
          displayName: name.value,
          role,
          locale: input.locale ?? 'en',
          createdAt: now,
        })
        .returning({ id: users.id });
      await recordAudit(
        tx,
        { actorId, action: 'user.created', subjectUserId: row!.id, detail: { role } },
        now,
      );
      return { ok: true, value: { userId: row!.id } } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'email-taken', field: 'email' };
    throw error;
  }
}

/**
 * Changes a person's role. Their sessions end, so no request keeps running with the old
 * privileges, and the change is written to the audit log.
 *
 * @example
 * await setRole(db, locals.user.id, 42, 'instructor');
 */
export async function setRole(
  db: Db,
  actorId: number | null,
  userId: number,
  role: string,
  now: Date = new Date(),
  reason?: string,
): Promise<Result<void, AdminError | 'role-invalid'>> {
  if (!isRole(role)) return { ok: false, error: 'role-invalid', field: 'role' };
  return db.write(async (tx): Promise<Result<void, AdminError | 'role-invalid'>> => {
    const denied = await actorError(tx, actorId);
    if (denied !== null) return { ok: false, error: denied };
    const [target] = await tx
      .select({ role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (target === undefined) return { ok: false, error: 'user-not-found' };
    if (target.role === role) return { ok: true, value: undefined };
    if (role !== 'admin' && (await removesLastAdmin(tx, target)))
      return { ok: false, error: 'last-admin' };
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(
      tx,
      {
        actorId,
        action: 'user.role-changed',
        subjectUserId: userId,
        detail: { from: target.role, to: role, ...(reason ? { reason } : {}) },
      },
      now,
    );
    return { ok: true, value: undefined };
  });
}

/**
 * Disables or re-enables an account. Disabling ends every session at once; a disabled person
 * cannot log in or reset their password. Audited.
 *
 * @example
 * await setDisabled(db, locals.user.id, 42, true);
 */
export async function setDisabled(
  db: Db,
  actorId: number | null,
  userId: number,
  disabled: boolean,
  now: Date = new Date(),
  reason?: string,
): Promise<Result<void, AdminError>> {
  return db.write(async (tx): Promise<Result<void, AdminError>> => {
    const denied = await actorError(tx, actorId);
    if (denied !== null) return { ok: false, error: denied };
    const [target] = await tx
      .select({ role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (target === undefined) return { ok: false, error: 'user-not-found' };
    if (disabled === (target.disabledAt !== null)) return { ok: true, value: undefined };
    if (disabled && (await removesLastAdmin(tx, target))) return { ok: false, error: 'last-admin' };
    await tx
      .update(users)
      .set({ disabledAt: disabled ? now : null })
      .where(eq(users.id, userId));
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(
      tx,
      {
        actorId,
        action: disabled ? 'user.disabled' : 'user.enabled',
        subjectUserId: userId,
        ...(reason ? { detail: { reason } } : {}),
      },
      now,
    );
    return { ok: true, value: undefined };
  });
}
