import { loginRedirect } from '~/lib/http/redirect';
import type { SessionUser } from '~/lib/auth/user';
import { plainResponse } from './forms';

/** Admin pages and endpoints ask this first; everyone else gets a 403 (or the login page). */
export function adminAccess(user: SessionUser | null): 'ok' | 'login' | 'forbidden' {
  if (!user) return 'login';
  return user.role === 'admin' ? 'ok' : 'forbidden';
}

/**
 * The guard every /admin page and endpoint starts with: the admin, or the response to send
 * (anonymous visitors to log in, every other role a plain 403).
 * @example const guard = requireAdmin(Astro.locals, Astro.url); if (!guard.ok) return guard.response;
 */
export function requireAdmin(
  locals: App.Locals,
  url: URL,
): { ok: true; user: SessionUser } | { ok: false; response: Response } {
  const access = adminAccess(locals.user);
  if (access === 'ok' && locals.user) return { ok: true, user: locals.user };
  if (access === 'login')
    return { ok: false, response: loginRedirect('en', url.pathname + url.search) };
  return { ok: false, response: plainResponse(403, locals.t('error.forbidden')) };
}
