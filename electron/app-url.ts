/**
 * The renderer is served from one origin, `app://ccat`, by our own protocol handler. Every
 * navigation guard and IPC sender check compares against it, so it lives in one place.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ccat';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is a page of the app itself. Compared field by field rather than with
 * `URL.origin`: Node reports the origin of a non-special scheme as "null", and a prefix check
 * would accept `app://ccat.evil/` or `app://ccat@evil/`.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
