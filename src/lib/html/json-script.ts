/**
 * JSON safe to place inside a `<script type="application/json">` or `application/ld+json`
 * element: `<` is escaped so a value like "</script>" cannot close the element, and the two line
 * separators JavaScript once rejected are escaped too.
 * @example jsonForScript({ t: '</script>' }) // '{"t":"\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
