import path from 'node:path';

/**
 * Media types for what Vite puts in dist/renderer. A module script served with the wrong type
 * is refused by Chromium, so this list must cover every asset type the build emits.
 */
const mediaTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Unknown types are served as opaque bytes (with `nosniff`), never guessed as HTML or script. */
export function mediaTypeFor(filePath: string): string {
  return mediaTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
