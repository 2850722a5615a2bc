import type { users } from '~db/schema';

type UserRow = typeof users.$inferSelect;

export type Role = UserRow['role'];
export type UserLocale = UserRow['locale'];

/** Every role, least to most privileged; for validating input that arrives as a string (CLI, forms). */
export const ROLES: readonly Role[] = ['learner', 'instructor', 'admin'];

/**
 * What a request knows about the person behind a valid session. The password hash and other
 * internals are left out on purpose so they cannot leak into a page by accident.
 */
export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  locale: UserLocale;
  /** The version of the values the person accepted, or null if they never did. */
  valuesVersion: number | null;
}

/**
 * Narrows an untrusted string to a role.
 *
 * @example
 * isRole('admin') // true
 * isRole('root')  // false
 */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
