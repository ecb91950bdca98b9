import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { commandNames } from '../core/api/commands';
import type { Core } from '../core/api/open-core.node.ts';
import { MAX_ATTACHMENT_BYTES } from '../core/store/attachments.node.ts';
import { defaultBundleLimits } from '../core/bundle/format';

/** Same policy as the Electron window: the page may talk only to this host. */
export const pageCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** A JSON body may carry one attachment as base64 (4 bytes per 3) plus the command's other fields. */
export const maxJsonBodyBytes = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 64 * 1024;
/** The browser sends an attachment's bytes as they are (see `attachmentUploadPath`): the limit is the store's own. */
export const maxUploadBytes = MAX_ATTACHMENT_BYTES;
/**
 * inspectBundle and importBundle take a .ccat file (up to the bundle reader's own limit) as raw
 * bytes with `Content-Type: application/octet-stream`: the body is the command's other fields as
 * one line of JSON, a newline, then the file. Not the query, as addAttachment does, because those
 * fields hold a passphrase or an age identity; not base64 in JSON, which would make a 256 MB file
 * a 342 MB string in the page.
 */
export const bundleUploadPaths: ReadonlySet<string> = new Set(['/api/inspectBundle', '/api/importBundle']);
const maxBundleFieldsBytes = 64 * 1024;
export const maxBundleUploadBytes = defaultBundleLimits.maxFileBytes + maxBundleFieldsBytes;
/** Past this a client is not sending a file by mistake: stop reading and close the connection. */
// Stryker disable next-line ArithmeticOperator: the bundle limit is the larger either way
const drainLimitBytes = Math.max(4 * maxJsonBodyBytes, maxBundleUploadBytes);

/**
 * `POST /api/addAttachment` with `Content-Type: application/octet-stream`: the file's bytes as the
 * body, the command's other fields in the query. Base64 in JSON would make a 25 MB file 33 MB.
 */
export const attachmentUploadPath = '/api/addAttachment';

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
  const statics = staticFiles(options.rendererDir);
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
    const sendJson = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      send(status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...headers });

    // Stryker disable next-line StringLiteral: no stand-in text is an allowed host
    if (!options.allowedHosts().includes(request.headers.host ?? '')) {
      sendJson(421, { ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: unexpected Host header.' } });
      return;
    }
    // Stryker disable next-line StringLiteral: Node's server always sets request.url, so the fallback's text is never used
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
      // Stryker disable next-line StringLiteral: any text that is not "Bearer <token>" is refused alike
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        // Read (and drop) what the client sends first: a page uploading a file with an old token must see this answer, not a reset.
        // Stryker disable next-line BooleanLiteral: only the unused too-large message depends on it
        await readBody(request, 0, false);
        sendJson(401, { ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: missing or wrong session token. Open the address that `serve` printed.' } });
        return;
      }
      const binary = (request.headers['content-type'] ?? '').split(';')[0]!.trim() === 'application/octet-stream';
      const upload = binary && url.pathname === attachmentUploadPath;
      const bundle = binary && bundleUploadPaths.has(url.pathname);
      const body = await readBody(request, upload ? maxUploadBytes : bundle ? maxBundleUploadBytes : maxJsonBodyBytes, bundle);
      if (body.kind === 'too-large') {
        // Sent once the client has finished sending, so that a browser sees this answer rather than a
        // reset connection. When it has not (the body is past the drain limit), "Connection: close" makes
        // Node end the connection as soon as the answer is written, reading none of the rest.
        sendJson(413, { ok: false, error: { code: 'INVALID_INPUT', message: body.message, details: { maxBytes: body.limit } } }, body.drained ? {} : { Connection: 'close' });
        return;
      }
      let payload: unknown;
      try {
        payload = upload ? uploadPayload(url.search, body.bytes) : bundle ? bundlePayload(body.bytes) : parseJsonBody(body.bytes);
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
    const file = await statics.get(url.pathname);
    if (!file) {
      send(404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    const headers: Record<string, string> = { ETag: file.etag, 'Cache-Control': file.cacheControl, Vary: 'Accept-Encoding' };
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    const encoding = pickEncoding(request.headers['accept-encoding'], file);
    const body = encoding ? await file.encoded[encoding]!() : file.body;
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = String(body.length);
    // Stryker disable next-line ConditionalExpression,StringLiteral: Node sends no body to HEAD, whatever is passed
    send(200, request.method === 'HEAD' ? '' : body, file.type, headers);
  };
}

type Body = { kind: 'bytes'; bytes: Buffer } | { kind: 'too-large'; message: string; limit: number; drained: boolean };

/**
 * Reads the whole body up to `limit` bytes. A larger body is read to its end and discarded (up to
 * a hard limit), because answering while the client is still sending makes browsers report a
 * network error instead of the answer.
 */
async function readBody(request: IncomingMessage, limit: number, bundle: boolean): Promise<Body> {
  const rule = bundle ? `A .ccat file may be at most ${defaultBundleLimits.maxFileBytes / 1048576} MB.` : `Attachments may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB.`;
  const tooLarge = (drained: boolean): Body => ({
    kind: 'too-large',
    message: `The request is larger than ${(limit / 1048576).toFixed(1)} MB, the most CCAT accepts. ${rule}`,
    limit,
    drained,
  });
  if (Number(request.headers['content-length'] ?? 0) > drainLimitBytes) return tooLarge(false);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > drainLimitBytes) return tooLarge(false);
    // Stryker disable next-line ConditionalExpression: chunks past the limit are only kept, the body is refused all the same
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  // Stryker disable next-line StringLiteral: any kind but 'too-large' is used as bytes
  return size > limit ? tooLarge(true) : { kind: 'bytes', bytes: Buffer.concat(chunks) };
}

// Stryker disable next-line StringLiteral: another encoding name makes the module throw when it loads, failing every test that imports it; Stryker's vitest runner counts no failed test then and calls it survived (checked by hand)
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function parseJsonBody(bytes: Buffer): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    // Decoding leniently would store U+FFFD in place of whatever the client meant.
    throw new Error('Request body is not valid UTF-8 text.');
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('Request body is not valid JSON.');
  }
}

/** The addAttachment input from a binary upload: fields from the query, the content from the body; the command's schema then checks it all. */
function uploadPayload(search: string, bytes: Buffer): Record<string, string> {
  const fields: Record<string, string> = {};
  // Stryker disable next-line Regex: only the first "?" is replaced either way
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const [name = '', value = ''] = part.split('=', 2).map((piece) => {
      try {
        return decodeURIComponent(piece.replaceAll('+', ' '));
      } catch {
        throw new Error('The upload address is not valid UTF-8 text.');
      }
    });
    if (name === 'contentBase64') throw new Error('contentBase64: send the file as the request body.');
    fields[name] = value;
  }
  return { ...fields, contentBase64: bytes.toString('base64') };
}

/** The inspectBundle / importBundle input from a binary upload (see `bundleUploadPaths`); the command's schema then checks it all. */
function bundlePayload(bytes: Buffer): Record<string, unknown> {
  const newline = bytes.subarray(0, maxBundleFieldsBytes + 1).indexOf(0x0a);
  if (newline < 0) throw new Error('A .ccat upload starts with its fields as one line of JSON, then a newline, then the file.');
  const fields = parseJsonBody(bytes.subarray(0, newline));
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new Error('The fields of a .ccat upload must be a JSON object.');
  if ('contentBase64' in fields) throw new Error('contentBase64: send the file after the fields line.');
  return { ...fields, contentBase64: bytes.subarray(newline + 1).toString('base64') };
}

type Encoding = 'br' | 'gzip';

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
  /** Compressed forms, made on first request and kept: the built UI does not change while serve runs. */
  encoded: Partial<Record<Encoding, () => Promise<Buffer>>>;
}

const compressible = new Set(['.html', '.js', '.css', '.json', '.svg']);
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

function pickEncoding(accept: string | undefined, file: StaticFile): Encoding | undefined {
  const offered = new Set((accept ?? '').split(',').map((part) => part.split(';')[0]!.trim()));
  if (offered.has('br') && file.encoded.br) return 'br';
  if (offered.has('gzip') && file.encoded.gzip) return 'gzip';
  return undefined;
}

/**
 * The built UI, read once per file version (size and modification time) and kept in memory with
 * its ETag and compressed forms. Vite names everything under assets/ by a hash of its content,
 * so those never change under the same name: browsers keep them without asking again. Anything
 * else (index.html) is revalidated with its ETag on every load.
 */
function staticFiles(root: string) {
  const cache = new Map<string, { version: string; file: StaticFile }>();
  const base = root.endsWith(sep) ? root : root + sep;
  return {
    async get(pathname: string): Promise<StaticFile | undefined> {
      let relative: string;
      try {
        relative = decodeURIComponent(pathname);
      } catch {
        return undefined;
      }
      // A URL's pathname is never empty: the root is "/".
      if (relative === '/') relative = '/index.html';
      const path = normalize(join(root, relative));
      if (!path.startsWith(base)) return undefined;
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      const version = `${info.size}:${info.mtimeMs}`;
      const cached = cache.get(path);
      // Stryker disable next-line ConditionalExpression: without the cache hit the file is only read again
      if (cached?.version === version) return cached.file;
      const body = await readFile(path).catch(() => undefined);
      // Stryker disable next-line ConditionalExpression: unreachable unless the file vanishes between stat and read
      if (!body) return undefined;
      const extension = extname(path);
      const hashed = path.startsWith(join(base, 'assets') + sep);
      // Stryker disable next-line ObjectLiteral: a size hint only tunes the compressor
      const size = { [zlib.BROTLI_PARAM_SIZE_HINT]: body.length };
      const file: StaticFile = {
        body,
        type: mimeTypes[extension] ?? 'application/octet-stream',
        // Stryker disable next-line MethodExpression: a longer tag is as good
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        encoded:
          compressible.has(extension) && body.length > 1024
            ? {
                // Quality 5 compresses the UI's JavaScript in tens of milliseconds, not the second quality 11 takes, for a few percent more bytes.
                // Stryker disable next-line ObjectLiteral: other compression settings decompress to the same bytes
                br: once(() => brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, ...size } })),
                gzip: once(() => gzipped(body)),
              }
            : {},
      };
      // Stryker disable next-line ObjectLiteral: an entry that never matches only means reading again
      cache.set(path, { version, file });
      return file;
    },
  };
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a listening TCP server's address is always an object
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startServe(options: Omit<ServeOptions, 'allowedHosts'> & { port: number }): Promise<{ server: Server; url: string; port: number }> {
  // Stryker disable next-line ArrayDeclaration: the list is replaced before the server listens, so no request sees its first value
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
