/**
 * Initials for an instructor without a photo.
 * @example monogram('Steve Nagai-Ma') // 'SN' ; monogram('Cher') // 'C'
 */
export function monogram(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A stable hue per name, so each fallback avatar keeps its colour between builds. */
export function monogramHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return hash;
}
