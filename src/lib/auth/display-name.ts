import type { Result } from '~/lib/result';

export const MAX_DISPLAY_NAME_LENGTH = 80;

// Control characters break layouts and logs; bidi overrides let a name spoof the text around it
// (U+202A–U+202E, U+2066–U+2069). Other format characters stay: emoji need the zero-width joiner.
const FORBIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * Checks and tidies a display name: trimmed, NFC-normalized, 1–80 characters (code points, so an
 * accented letter or an emoji counts once), no control or bidi-override characters. It is still
 * untrusted text: pages escape it like any other input.
 *
 * @example
 * validateDisplayName('  Ada Lovelace ') // { ok: true, value: 'Ada Lovelace' }
 * validateDisplayName('   ')             // { ok: false, error: 'name-invalid', field: 'displayName' }
 */
export function validateDisplayName(raw: string): Result<string, 'name-invalid'> {
  const name = raw.normalize('NFC').trim();
  const length = [...name].length;
  if (length < 1 || length > MAX_DISPLAY_NAME_LENGTH || FORBIDDEN.test(name)) {
    return { ok: false, error: 'name-invalid', field: 'displayName' };
  }
  return { ok: true, value: name };
}
