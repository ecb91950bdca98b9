import { mkdir, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../core/api/open-core.node.ts';
import { startServe } from '../../cli/serve';
import { useTempDirs } from '../core/temp-dir';

const assessmentsDir = join(import.meta.dirname, '..', '..', 'assessments');
const tempDir = useTempDirs();
const running: Array<{ server: Server; core: Core }> = [];
afterEach(async () => {
  for (const { server, core } of running.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await core.close();
  }
});

/** Bytes that must never leave the machine through `serve`: they sit beside the UI folder, not in it. */
const secret = 'SECRET-7f3a9c-not-for-the-browser';

async function serve() {
  const parent = await tempDir();
  const rendererDir = join(parent, 'ui');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>CCAT</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  for (const name of ['style.css', 'icon.svg', 'logo.png', 'font.woff2', 'data.json', 'favicon.ico', 'blob.bin']) await writeFile(join(rendererDir, 'assets', name), name);
  await writeFile(join(parent, 'secret.txt'), secret);
  // A sibling whose name starts with the UI folder's name: a prefix check without the separator would let it through.
  await mkdir(join(parent, 'ui-private'));
  await writeFile(join(parent, 'ui-private', 'secret.txt'), secret);
  const core = await openCore({ dataDir: await tempDir(), assessmentsDir, appVersion: '0.0.0-test' });
  const started = await startServe({ core, rendererDir, token: 'test-token-123', port: 0 });
  running.push({ server: started.server, core });
  return { ...started, base: `http://127.0.0.1:${started.port}` };
}

/** A request sent byte for byte as written (fetch would resolve dot segments and backslashes before sending). */
function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const rawGet = (port: number, path: string, headers: Record<string, string> = {}) => rawRequest(port, path, { headers });

// The exact policy of design §7, written out: a weakened policy (inline script, any host) must fail here.
const expectedCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const auth = { Authorization: 'Bearer test-token-123', 'Content-Type': 'application/json' };

describe('cli serve', () => {
  it('listens on the loopback address only and prints a URL with the token in the fragment', async () => {
    const { server, url } = await serve();
    expect(server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=test-token-123$/);
  });

  it("serves the built UI under the page CSP: scripts from this host only, no inline script, nothing from elsewhere", async () => {
    const { base } = await serve();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(expectedCsp);
    expect(await page.text()).toContain('<title>CCAT</title>');
    const script = await fetch(`${base}/assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(expectedCsp);
    expect((await fetch(`${base}/no-such-file.js`)).headers.get('content-security-policy')).toBe(expectedCsp);
  });

  it('answers commands only with the session token', async () => {
    const { base } = await serve();
    const anonymous = await fetch(`${base}/api/listAssessments`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    const wrong = await fetch(`${base}/api/listAssessments`, { method: 'POST', body: '{}', headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const good = await fetch(`${base}/api/listAssessments`, { method: 'POST', body: '{}', headers: auth });
    expect(await good.json()).toEqual({ ok: true, data: [] });
  });

  it('reports bad requests plainly and runs nothing', async () => {
    const { base } = await serve();
    expect((await fetch(`${base}/api/dropEverything`, { method: 'POST', headers: auth })).status).toBe(404);
    expect((await fetch(`${base}/api/listAssessments`, { headers: auth })).status).toBe(405);
    const broken = await fetch(`${base}/api/createAssessment`, { method: 'POST', body: '{"title":', headers: auth });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Request body is not valid JSON.' } });
    const invalid = await fetch(`${base}/api/createAssessment`, { method: 'POST', body: JSON.stringify({ title: 'x', country: 'XX1', mode: 'field' }), headers: auth });
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^country: /) } });
    expect(await (await fetch(`${base}/api/listAssessments`, { method: 'POST', headers: auth })).json()).toEqual({ ok: true, data: [] });
  });

  it('sends nosniff, no referrer and same-origin resources with every answer; UI files revalidate, command results are never cached', async () => {
    const { port } = await serve();
    const common = { 'content-security-policy': expectedCsp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cross-origin-resource-policy': 'same-origin' };
    expect((await rawGet(port, '/')).headers).toMatchObject({ ...common, 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8' });
    const command = await rawRequest(port, '/api/listAssessments', { method: 'POST', headers: auth, body: '{}' });
    expect(command.headers).toMatchObject({ ...common, 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' });
    const missing = await rawGet(port, '/missing.js');
    expect(missing.headers).toMatchObject({ ...common, 'content-type': 'text/plain; charset=utf-8' });
    expect([missing.status, missing.body]).toEqual([404, 'Not found']);
    expect((await rawRequest(port, '/', { method: 'PUT' })).headers).toMatchObject({ ...common, 'content-type': 'text/plain; charset=utf-8' });
    expect(JSON.parse((await rawRequest(port, '/api/listAssessments', { method: 'POST', headers: auth, body: ' \n ' })).body)).toEqual({ ok: true, data: [] });
  });

  it('types each UI file by its extension, and anything unknown as bytes', async () => {
    const { port } = await serve();
    const types = {
      'app.js': 'text/javascript; charset=utf-8',
      'style.css': 'text/css; charset=utf-8',
      'icon.svg': 'image/svg+xml',
      'logo.png': 'image/png',
      'font.woff2': 'font/woff2',
      'data.json': 'application/json; charset=utf-8',
      'favicon.ico': 'image/x-icon',
      'blob.bin': 'application/octet-stream',
    };
    for (const [name, type] of Object.entries(types)) expect((await rawGet(port, `/assets/${name}`)).headers['content-type'], name).toBe(type);
  });

  it('answers UI files to GET and HEAD only', async () => {
    const { port } = await serve();
    const head = await rawRequest(port, '/', { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const refused = await rawRequest(port, '/index.html', { method });
      expect([refused.status, refused.body], method).toEqual([405, 'Method not allowed']);
    }
  });

  it('names what is wrong with a command request: unknown command, not POST, no or wrong token', async () => {
    const { port } = await serve();
    const json = async (answer: Promise<{ status: number; body: string }>) => {
      const { status, body } = await answer;
      return { status, body: JSON.parse(body) as unknown };
    };
    expect(await json(rawRequest(port, '/api/dropEverything', { method: 'POST', headers: auth }))).toEqual({
      status: 404,
      body: { ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'Unknown command: dropEverything' } },
    });
    expect(await json(rawRequest(port, '/api/listAssessments', { headers: auth }))).toEqual({ status: 405, body: { ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST.' } } });
    const refusal = { status: 401, body: { ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: missing or wrong session token. Open the address that `serve` printed.' } } };
    for (const authorization of ['Bearer test-token-124', 'Bearer test-token-12', 'Bearer test-token-1234', 'test-token-123', 'bearer test-token-123']) {
      expect(await json(rawRequest(port, '/api/listAssessments', { method: 'POST', headers: { Authorization: authorization }, body: '{}' })), authorization).toEqual(refusal);
    }
  });

  it('refuses a command body over 25 MB without running the command, and takes one of exactly 25 MB', async () => {
    const { port } = await serve();
    const limit = 25 * 1024 * 1024;
    const exact = `{"pad":"${'x'.repeat(limit - 10)}"}`;
    expect(exact.length).toBe(limit);
    const taken = await rawRequest(port, '/api/listAssessments', { method: 'POST', headers: auth, body: exact });
    // Read and handed to the command, which refuses the unknown key: the size limit did not stop it.
    expect(taken.status).toBe(200);
    expect(JSON.parse(taken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const body = `{"title":"${'x'.repeat(25 * 1024 * 1024)}","country":"GH","mode":"field"}`;
    const answer = await rawRequest(port, '/api/createAssessment', { method: 'POST', headers: auth, body });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Request body is larger than 26214400 bytes.' } });
    const listed = await rawRequest(port, '/api/listAssessments', { method: 'POST', headers: auth });
    expect(JSON.parse(listed.body)).toEqual({ ok: true, data: [] });
  });

  it('refuses other Host headers (DNS rebinding), and answers to 127.0.0.1 and localhost on its own port', async () => {
    const { port } = await serve();
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', `127.0.0.2:${port}`]) {
      const refused = await rawGet(port, '/', { Host: host });
      expect(refused.status, host).toBe(421);
      expect(JSON.parse(refused.body), host).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: unexpected Host header.' } });
    }
    // HTTP/1.0 lets a client send no Host at all: refused as well.
    const noHost = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(noHost).toMatch(/^HTTP\/1\.[01] 421 /);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect((await rawGet(port, '/', { Host: host })).body, host).toContain('<title>CCAT</title>');
  });

  it.each([
    '/..%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fui-private%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/..%252fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%c0%afsecret.txt',
    '/..%2fsecret.txt%00.html',
    '/../secret.txt',
    '/assets/../../secret.txt',
  ])('never answers %s with a file outside the UI folder', async (path) => {
    const { port } = await serve();
    const answer = await rawGet(port, path);
    expect([400, 404], `${path} answered ${answer.status}`).toContain(answer.status);
    expect(answer.body).not.toContain(secret);
  });

  it('still serves files inside the UI folder when the path is encoded', async () => {
    const { port } = await serve();
    for (const path of ['/assets%2fapp.js', '/assets/./app.js', '/%61ssets/app.js']) {
      const answer = await rawGet(port, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).toBe('console.log(1)');
    }
  });
});

describe('cli serve start-up and failures', () => {
  it('fails to start, rather than hanging, when the port is taken', async () => {
    const first = await serve();
    const core = await openCore({ dataDir: await tempDir(), assessmentsDir, appVersion: '0.0.0-test' });
    await expect(startServe({ core, rendererDir: await tempDir(), token: 't', port: first.port })).rejects.toThrow(/EADDRINUSE/);
    await core.close();
  });

  it('answers 500 with the reason when the core throws instead of answering', async () => {
    const core = await openCore({ dataDir: await tempDir(), assessmentsDir, appVersion: '0.0.0-test' });
    const broken = { ...core, dispatch: async () => Promise.reject(new Error('store closed')) } as Core;
    const started = await startServe({ core: broken, rendererDir: await tempDir(), token: 'test-token-123', port: 0 });
    running.push({ server: started.server, core });
    const answer = await rawRequest(started.port, '/api/listAssessments', { method: 'POST', headers: auth, body: '{}' });
    expect([answer.status, answer.headers['content-type'], answer.body]).toEqual([500, 'text/plain; charset=utf-8', 'Internal error: store closed']);
  });
});
