/**
 * True when `error` (or the driver error drizzle wrapped in it) is a SQLite UNIQUE violation.
 * Inserting and catching this is race-free, unlike checking for a row first.
 *
 * @example
 * try { insertUser() } catch (e) { if (isUniqueViolation(e)) return { ok: false, error: 'email-taken' }; throw e; }
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}
