import { describe, expect, it } from 'vitest';
import { perBuildMemo } from '~/lib/content/per-build';

describe('perBuildMemo', () => {
  it('computes each key once when enabled (a built server)', async () => {
    const perBuild = perBuildMemo(true);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await Promise.all([perBuild('a', compute), perBuild('a', compute)])).toEqual([1, 1]);
    expect(await perBuild('b', compute)).toBe(2);
    expect(await perBuild('a', compute)).toBe(1);
  });

  it('computes every time when disabled (astro dev, where content changes as authors save)', async () => {
    const perBuild = perBuildMemo(false);
    let computed = 0;
    await perBuild('a', async () => ++computed);
    expect(await perBuild('a', async () => ++computed)).toBe(2);
  });

  it('does not remember a failure: the next call tries again', async () => {
    const perBuild = perBuildMemo(true);
    await expect(perBuild('a', async () => Promise.reject(new Error('content store not ready')))).rejects.toThrow('content store not ready');
    expect(await perBuild('a', async () => 'ok')).toBe('ok');
  });
});
