import type { SessionUser } from '~/lib/auth/user';

/** Admin pages and endpoints ask this first; everyone else gets a 403 (or the login page). */
export function adminAccess(user: SessionUser | null): 'ok' | 'login' | 'forbidden' {
  if (!user) return 'login';
  return user.role === 'admin' ? 'ok' : 'forbidden';
}
