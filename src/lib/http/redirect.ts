/**
 * A redirect target from a form or query string, kept on this site: only absolute paths, never
 * `//host`, `/\host` or a scheme. Anything else becomes `fallback`.
 * @example safeNextPath('/courses/x?y=1', '/') // '/courses/x?y=1' ; safeNextPath('//evil.example', '/') // '/'
 */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://botcamp.invalid');
    if (url.host !== 'botcamp.invalid') return fallback;
    // Normalising can turn "/.//evil.example" into "//evil.example": check the result too.
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('//') || path.startsWith('/\\') ? fallback : path;
  } catch {
    return fallback;
  }
}
