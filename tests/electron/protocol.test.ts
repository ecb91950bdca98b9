import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appScheme, createAppRequestHandler, registerAppProtocol, resolveInsideRoot } from '../../electron/protocol';

// The exact policy design §7 asks for; a change to it should be a deliberate change here too.
const expectedCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

let base: string;
let rendererDir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'ccat-protocol-'));
  rendererDir = path.join(base, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>CCAT</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(rendererDir, 'assets', 'font.woff2'), 'x');
  writeFileSync(path.join(rendererDir, 'assets', 'blob.bin'), 'x');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer folder');
  serve = createAppRequestHandler(rendererDir);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// protocol', () => {
  it('registers the scheme as standard and secure, and handles it', () => {
    expect(appScheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves index.html with the strict CSP, nosniff and an HTML type', async () => {
    const response = await get('app://ccat/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(expectedCsp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>CCAT</title>');
  });

  it('serves / as index.html', async () => {
    expect(await (await get('app://ccat/')).text()).toContain('<title>CCAT</title>');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (file, type) => {
    const response = await get(`app://ccat/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(expectedCsp);
  });

  it.each([
    'app://ccat/missing.html',
    'app://ccat/assets', // a directory
    'app://ccat/..%2fsecret.txt',
    'app://ccat/assets/..%2f..%2fsecret.txt',
    'app://ccat/%2e%2e/secret.txt',
    'app://ccat/..%5csecret.txt',
    'app://ccat/%2fetc%2fpasswd',
    'app://ccat/index.html%00.js',
    'app://ccat/%E0%A4%A', // malformed percent-encoding
    'app://evil/index.html', // another host
    'app://ccat.evil/index.html',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer folder');
    expect(response.headers.get('content-security-policy')).toBe(expectedCsp);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://ccat/index.html', 'POST')).status).toBe(405);
    const head = await get('app://ccat/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never resolves a path outside the root, even one the URL parser let through', () => {
    const root = path.resolve(rendererDir);
    for (const url of ['app://ccat/..%2f..%2f..%2fetc%2fpasswd', 'app://ccat/a/..%2f..%2f..%2fx']) {
      expect(resolveInsideRoot(root, url)).toBeNull();
    }
    expect(resolveInsideRoot(root, 'app://ccat/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });
});
