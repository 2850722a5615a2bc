/**
 * The outcome of anything a person can get wrong (a form, a link, a login). Exceptions are kept
 * for programmer and infrastructure errors; these are for people, so `error` is a stable
 * kebab-case code the UI looks up in the i18n dictionary, and `field` says which input to mark.
 *
 * @example
 * const r: Result<number, 'too-big'> = n > 10 ? { ok: false, error: 'too-big', field: 'n' } : { ok: true, value: n };
 * if (!r.ok) showError(r.error);
 */
export type Result<T, E extends string = string> =
  { ok: true; value: T } | { ok: false; error: E; field?: string };
