/**
 * A memo for what is derived from content. Content is fixed for the life of a built server (a new
 * build is a new process), so each value is computed once; in `astro dev` content changes as
 * authors save, so a disabled memo computes every time. Keys must come from the content or the
 * code (a locale, a collection, an entry id), never from a request, so the memo cannot grow past
 * the content's size. A failed computation is not remembered: the next call tries again.
 *
 * @example
 * const perBuild = perBuildMemo(!import.meta.env.DEV);
 * const curricula = await perBuild(`curricula ${locale}`, () => buildCurricula(locale));
 */
export function perBuildMemo(enabled: boolean): <T>(key: string, compute: () => Promise<T>) => Promise<T> {
  const derived = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    if (!enabled) return compute();
    let value = derived.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      derived.set(key, value);
      value.catch(() => derived.delete(key));
    }
    return value;
  };
}
