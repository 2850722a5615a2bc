/**
 * The longest the event loop went without running a 5 ms timer while `work` was under way: how
 * long any other request on this thread would have waited.
 */
export async function worstLag<T>(work: Promise<T>): Promise<{ result: T; lagMs: number }> {
  let lagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 5);
    last = now;
  }, 5);
  try {
    return { result: await work, lagMs };
  } finally {
    clearInterval(timer);
  }
}
