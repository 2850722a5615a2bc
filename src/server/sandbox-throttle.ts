import { throttleAction } from '~/lib/auth/throttle';
import { SANDBOX_LIMITS, sandboxThrottleKey, type SandboxAction } from '~/lib/sandbox/rate-limits';
import { json } from './json';
import { getDb } from './runtime';

/** Null when the learner may go on, else the 429 to answer (the chat shows it as "slow down"). */
export async function sandboxThrottle(
  action: SandboxAction,
  userId: number,
): Promise<Response | null> {
  const decision = await throttleAction(
    await getDb(),
    sandboxThrottleKey(action, userId),
    SANDBOX_LIMITS[action],
  );
  if (decision.allowed) return null;
  const response = json(
    { error: 'too-many-requests', retryAfterSeconds: decision.retryAfterSeconds },
    429,
  );
  response.headers.set('Retry-After', String(decision.retryAfterSeconds));
  return response;
}
