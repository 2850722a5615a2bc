import { z } from 'astro/zod';
import type { Translate } from '~/lib/i18n/translate';
import { readFormInput, unusableForm } from './form-input';

/**
 * The account forms (log in, sign up, forgotten and new password), read the one way: every
 * field capped before anything is hashed or stored (a 100,000-character "e-mail" is refused
 * here, not written to the throttling table), a body that is not a form answered 400, one too
 * large 413, both in plain words.
 */
const field = (max: number) => z.string().max(max).default('');

export const loginForm = z.object({ email: field(254), password: field(256) });
export const signupForm = z.object({
  email: field(254),
  displayName: field(200),
  acceptValues: z.string().max(10).optional(),
});
export const emailForm = z.object({ email: field(254) });
export const newPasswordForm = z.object({ password: field(256) });
export const changePasswordForm = z.object({
  currentPassword: field(256),
  newPassword: field(256),
});

/** The error code (see src/lib/auth/errors.ts) a field that is too long reports. */
const TOO_LONG: Record<string, string> = {
  email: 'email-invalid',
  displayName: 'name-invalid',
  password: 'password-too-long',
  newPassword: 'password-too-long',
  currentPassword: 'current-password-incorrect',
};

export type AuthFormRead<T> =
  | { ok: true; data: T }
  | { ok: false; response: Response }
  | { ok: false; field: string; error: string; values: Record<string, string> };

export async function readAuthForm<T>(
  request: Request,
  schema: z.ZodType<T>,
  t: Translate,
): Promise<AuthFormRead<T>> {
  const input = await readFormInput(request, schema);
  if (input.ok) return input;
  if (input.status === 413)
    return { ok: false, response: unusableForm(413, t('error.form-too-large')) };
  if (input.status === 400)
    return { ok: false, response: unusableForm(400, t('error.form-unreadable')) };
  const field = Object.keys(input.errors)[0] ?? 'email';
  return { ok: false, field, error: TOO_LONG[field] ?? 'bad-request', values: input.values };
}
