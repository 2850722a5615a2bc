import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * A random token from the platform CSPRNG, base32 lower-case without padding (URL- and
 * cookie-safe, case-insensitive to read aloud). 20 bytes = 160 bits, above the 120-bit floor.
 *
 * @example
 * randomToken() // 'k3v7…' (32 characters)
 */
export function randomToken(bytes = 20): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

/**
 * The database key for a secret token: hex SHA-256. Only this is stored, so a leaked database
 * (or backup) holds no usable session or reset token. A plain hash suffices because the token is
 * already high-entropy; a slow hash would only cost every request.
 *
 * @example
 * hashToken('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
