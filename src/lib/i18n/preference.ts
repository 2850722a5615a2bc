/** Remembers a visitor's chosen language between visits; read by the locale middleware. */
export const LOCALE_COOKIE = 'lang';

export function localeCookieOptions(secure: boolean): { path: string; maxAge: number; sameSite: 'lax'; httpOnly: boolean; secure: boolean } {
  return { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true, secure };
}
