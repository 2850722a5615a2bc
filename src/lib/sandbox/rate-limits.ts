import type { ThrottleRule } from '~/lib/auth/throttle';

/**
 * How often one learner may use the stored sandboxes, per minute. A person chatting or editing
 * stays far below these; a script posting in a loop hits them within seconds, and every request
 * beyond is answered 429 without touching the conversation.
 */
export const SANDBOX_LIMITS = {
  chat: { limit: 30, windowMs: 60_000 },
  lint: { limit: 120, windowMs: 60_000 },
  save: { limit: 60, windowMs: 60_000 },
  run: { limit: 12, windowMs: 60_000 },
} satisfies Record<string, ThrottleRule>;

export type SandboxAction = keyof typeof SANDBOX_LIMITS;

/** The throttle key of one learner's use of one kind of sandbox action. */
export function sandboxThrottleKey(action: SandboxAction, userId: number): string {
  return `sandbox:${action}:user:${userId}`;
}
