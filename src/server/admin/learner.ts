import { z } from 'astro/zod';
import { learnerRecord, type LearnerRecord } from '~/lib/admin/learner';
import { setDisabled, setRole } from '~/lib/auth/account';
import { invalidateAllSessions } from '~/lib/auth/session';
import type { SessionUser } from '~/lib/auth/user';
import { recordAudit } from '~/lib/audit/audit-log';
import { readFormInput, type FieldErrors } from '../form-input';
import { getDb } from '../runtime';

const reason = z
  .string()
  .trim()
  .min(3, { error: 'Give a reason (at least 3 characters); it goes in the audit log.' })
  .max(500, { error: 'Keep the reason under 500 characters.' });

const learnerActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('sign-out-everywhere'), reason }),
  z.object({ action: z.literal('disable'), reason }),
  z.object({ action: z.literal('enable'), reason }),
  z.object({
    action: z.literal('role'),
    role: z.enum(['learner', 'instructor', 'admin'], { error: 'Choose a role.' }),
    reason,
  }),
]);

export type LearnerAction =
  | { ok: true; notice: string }
  | { ok: false; status: number; errors: FieldErrors; values: Record<string, string> };

export async function loadLearner(id: number): Promise<LearnerRecord | null> {
  if (!Number.isInteger(id) || id <= 0) return null;
  return learnerRecord((await getDb()).read, id);
}

const MESSAGES = {
  forbidden: 'You are not allowed to do that.',
  'user-not-found': 'That account no longer exists.',
  'last-admin': 'This is the last active admin: make another admin first.',
  'role-invalid': 'Choose a role.',
} as const;

/** Sign out everywhere, disable or enable, change the role: each with a reason in the audit log. */
export async function handleLearnerAction(
  request: Request,
  admin: SessionUser,
  userId: number,
): Promise<LearnerAction> {
  const input = await readFormInput(request, learnerActionSchema);
  if (!input.ok)
    return {
      ok: false,
      status: input.status,
      errors:
        input.status === 422 ? input.errors : { reason: 'That form could not be read; try again.' },
      values: input.values,
    };
  const db = await getDb();
  const form = input.data;
  if (form.action === 'sign-out-everywhere') {
    await invalidateAllSessions(db, userId);
    await db.write((tx) =>
      recordAudit(tx, {
        actorId: admin.id,
        action: 'user.signed-out',
        subjectUserId: userId,
        detail: { reason: form.reason },
      }),
    );
    return { ok: true, notice: 'Signed out of every device.' };
  }
  const result =
    form.action === 'role'
      ? await setRole(db, admin.id, userId, form.role, new Date(), form.reason)
      : await setDisabled(db, admin.id, userId, form.action === 'disable', new Date(), form.reason);
  if (!result.ok)
    return { ok: false, status: 409, errors: { action: MESSAGES[result.error] }, values: {} };
  return {
    ok: true,
    notice:
      form.action === 'role'
        ? `Role changed to ${form.role}; their sessions ended.`
        : form.action === 'disable'
          ? 'Account disabled; every session ended.'
          : 'Account enabled.',
  };
}
