import { vi } from 'vitest';

/**
 * A server module as a built server has it (`import.meta.env.DEV` false, so its per-build memos
 * are on), loaded afresh: `asBuilt(() => import('~/server/catalog'))`.
 */
export async function asBuilt<T>(load: () => Promise<T>): Promise<T> {
  vi.stubEnv('DEV', false);
  vi.stubEnv('PROD', true);
  vi.resetModules();
  try {
    return await load();
  } finally {
    vi.unstubAllEnvs();
  }
}
