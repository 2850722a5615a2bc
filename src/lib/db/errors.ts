/**
 * Database errors both engines raise, classified once so domain code and the HTTP layer never
 * look at driver codes.
 */

/** The database cannot serve this request now (unreachable, or a write lock held too long). */
export class DatabaseUnavailableError extends Error {
  readonly reason: 'busy' | 'unreachable';
  constructor(reason: 'busy' | 'unreachable', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
    this.reason = reason;
  }
}

/** The database was migrated by newer code than this server's: it must not start. */
export class DatabaseTooNewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseTooNewError';
  }
}

/** `error` and the errors it wraps (drizzle wraps driver errors in `cause`). */
function* chain(error: unknown): Generator<Error & { code?: unknown }> {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++)
    yield e;
}

const codeOf = (e: { code?: unknown }): string => (typeof e.code === 'string' ? e.code : '');

/**
 * True when `error` is a UNIQUE (or primary key) violation on either engine. Inserting and
 * catching this is race-free, unlike checking for a row first.
 *
 * @example
 * try { await insertUser() } catch (e) { if (isUniqueViolation(e)) return { ok: false, error: 'email-taken' }; throw e; }
 */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = codeOf(e);
    if (
      code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      code === '23505'
    )
      return true;
  }
  return false;
}

// Connection-level failures: the network, the server shutting down or refusing connections
// (class 08, 57P0x, 53300 too many connections), and node-postgres's own connection timeouts.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i;

/**
 * True when `error` means the database is out of reach or too busy right now (answer 503 and
 * let the person try again), rather than a bug or bad input.
 * @example isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })) // true
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (e instanceof DatabaseUnavailableError) return true;
    const code = codeOf(e);
    if (UNREACHABLE_CODES.has(code) || code.startsWith('08') || code === 'SQLITE_BUSY') return true;
    if (UNREACHABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** PostgreSQL asks the client to run the transaction again (serialization failure, deadlock). */
export function isRetryableTransaction(error: unknown): boolean {
  for (const e of chain(error)) if (codeOf(e) === '40001' || codeOf(e) === '40P01') return true;
  return false;
}
