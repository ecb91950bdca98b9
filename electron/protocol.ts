import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-url';
import { CONTENT_SECURITY_POLICY } from './csp';
import { mediaTypeFor } from './mime';

/**
 * `standard` gives app://ccat a real origin (relative URLs, same-origin policy, module scripts);
 * `secure` makes it a secure context like https. Must be registered before the app is ready.
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

function baseHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...baseHeaders(), 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Maps an app:// URL to a file under `root`, or null. The URL parser already folds `..`
 * segments, but percent-encoded separators (`..%2f`, `..%5c`) only appear after decoding, so
 * the decoded path is resolved and must still lie inside the root.
 */
export function resolveInsideRoot(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0')) return null;
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  const candidate = path.resolve(root, `.${path.sep}${decoded}`);
  const relative = path.relative(root, candidate);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return null;
  }
  return candidate;
}

/** Serves the built renderer read-only; anything that is not a file inside it is a 404. */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const filePath = resolveInsideRoot(root, request.url);
    if (filePath === null) return plain(404, 'Not found');
    let body: Uint8Array<ArrayBuffer>;
    try {
      // fs.readFile reads inside app.asar too (Electron patches fs), so this works when packaged.
      body = new Uint8Array(await readFile(filePath));
    } catch {
      return plain(404, 'Not found'); // missing, a directory, or unreadable: all the same to the page
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...baseHeaders(), 'content-type': mediaTypeFor(filePath) },
    });
  };
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
