import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { commandNames } from '../core/api/commands';
import type { Core } from '../core/api/open-core.node.ts';

/** Same policy as the Electron window: the page may talk only to this host. */
export const pageCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const maxBodyBytes = 25 * 1024 * 1024;
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const apiPrefix = '/api/';

/** The routes `serve` answers: exactly one per command. */
export function serveRoutes(): string[] {
  return commandNames.map((name) => `${apiPrefix}${name}`);
}

export interface ServeOptions {
  core: Core;
  rendererDir: string;
  token: string;
  /** Filled in once the port is known; requests naming another host are refused (DNS rebinding). */
  allowedHosts: () => readonly string[];
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function createRequestHandler(options: ServeOptions) {
  const routes = new Set(serveRoutes());
  const expected = Buffer.from(`Bearer ${options.token}`);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const send = (status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': pageCsp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Resource-Policy': 'same-origin',
        ...headers,
      });
      response.end(body);
    };
    const sendJson = (status: number, value: unknown) => send(status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });

    if (!options.allowedHosts().includes(request.headers.host ?? '')) {
      sendJson(421, { ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: unexpected Host header.' } });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(apiPrefix)) {
      if (!routes.has(url.pathname)) {
        sendJson(404, { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${url.pathname.slice(apiPrefix.length)}` } });
        return;
      }
      if (request.method !== 'POST') {
        sendJson(405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST.' } });
        return;
      }
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        sendJson(401, { ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: missing or wrong session token. Open the address that `serve` printed.' } });
        return;
      }
      let payload: unknown;
      try {
        payload = await readJsonBody(request);
      } catch (error) {
        sendJson(400, { ok: false, error: { code: 'INVALID_INPUT', message: (error as Error).message } });
        return;
      }
      sendJson(200, await options.core.dispatch(url.pathname.slice(apiPrefix.length), payload));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'Method not allowed', 'text/plain; charset=utf-8');
      return;
    }
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) {
      send(404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    send(200, file.body, mimeTypes[extname(file.path)] ?? 'application/octet-stream', { 'Cache-Control': 'no-cache' });
  };
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error(`Request body is larger than ${maxBodyBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('Request body is not valid JSON.');
  }
}

async function readStatic(root: string, pathname: string): Promise<{ path: string; body: Buffer } | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  const path = normalize(join(root, relative));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    return { path, body: await readFile(path) };
  } catch {
    return undefined;
  }
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startServe(options: Omit<ServeOptions, 'allowedHosts'> & { port: number }): Promise<{ server: Server; url: string; port: number }> {
  let hosts: string[] = [];
  const handler = createRequestHandler({ ...options, allowedHosts: () => hosts });
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`Internal error: ${(error as Error).message}`);
    });
  });
  const port = await listen(server, options.port);
  hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return { server, port, url: `http://127.0.0.1:${port}/#token=${options.token}` };
}
