/**
 * Safe access to records keyed by author-written names (step ids, variables, table keys).
 * A plain `obj[key]` would find inherited members such as `constructor`, and assigning
 * `obj["__proto__"]` would swap the object's prototype instead of storing data.
 */

/**
 * The record's own value for `key`, never an inherited one.
 * @example own({}, "constructor") // undefined
 */
export function own<T>(record: { [key: string]: T }, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Store `value` under `key` as plain data, even when the key is "__proto__".
 * @example setOwn({}, "__proto__", 1) // { ["__proto__"]: 1 }
 */
export function setOwn<T>(record: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
