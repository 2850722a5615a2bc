import type { Reader } from './types.ts';

/**
 * A read that drizzle builds once per connection handle rather than on every call. Building the
 * SQL from the query builder is most of a simple read's cost (on SQLite about 60 µs of a 75 µs
 * enrollment lookup, against 15 µs prepared), and the hottest reads run on every page: the
 * session, the enrollment, progress. A prepared query is compiled SQL with placeholders, never
 * data, so sharing it between requests cannot mix anyone's rows.
 *
 * `build` writes the query with `sql.placeholder(name)` for each value and ends with `.prepare()`;
 * the returned function runs it with the values by name. It is built on first use for each reader
 * (`db.read`, or a transaction), so the tables are already bound to the database's engine.
 *
 * Preparing pays only if SQLite keeps the compiled plan, and it compiles a statement again on each
 * run whose plan depends on a bound value. Drizzle binds every value, so a hot read here:
 * - ends without `.limit(1)` when it reads by a unique key, which already means one row at most:
 *   SQLite plans with a LIMIT's value (3.53 and 3.54 alike). The session read under load took
 *   45 µs with it and 15 without;
 * - orders a few rows in JavaScript rather than with ORDER BY, and reads a second table through a
 *   scalar subquery rather than a join: the SQLite that better-sqlite3 builds has
 *   SQLITE_ENABLE_STAT4, which weighs the bound values whenever the plan has a choice to make (an
 *   index that could also give the order, a join order): 9.7 µs against 4.0 for the same rows.
 * A list's real page limit or order, on an admin page, is worth its few µs.
 *
 * @example
 * const byUser = preparedRead((q) => q.select().from(enrollments).where(eq(enrollments.userId, sql.placeholder('userId'))).prepare());
 * const rows = await byUser(db.read, { userId: 7 });
 */
export function preparedRead<Query extends { execute(values?: Record<string, unknown>): unknown }>(
  build: (q: Reader) => Query,
): (q: Reader, values: Record<string, unknown>) => Promise<RowsOf<Query>> {
  const built = new WeakMap<Reader, Query>();
  return async (q, values) => {
    let query = built.get(q);
    if (!query) {
      query = build(q);
      built.set(q, query);
    }
    return (await query.execute(values)) as RowsOf<Query>;
  };
}

/** What a prepared query's execute() resolves to. */
type RowsOf<Query> = Query extends { execute(...args: never[]): infer Result }
  ? Awaited<Result>
  : never;
