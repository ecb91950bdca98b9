import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../core/api/open-core.node.ts';
import { maxBundleUploadBytes, newToken, startServe } from '../../cli/serve';
import { encryptBundle } from '../../core/bundle/encryption';
import { useTempDirs } from '../core/temp-dir';
import { seedWithAttachments } from '../core/bundle/helpers';

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

/** Each running serve's UI folder, by port. */
const uiDirs = new Map<number, string>();

/** Bytes that must never leave the machine through `serve`: they sit beside the UI folder, not in it. */
const secret = 'SECRET-7f3a9c-not-for-the-browser';

async function serve() {
  const parent = await tempDir();
  const rendererDir = join(parent, 'ui');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>CCAT</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), appJs);
  for (const name of ['style.css', 'icon.svg', 'logo.png', 'font.woff2', 'data.json', 'favicon.ico', 'blob.bin']) await writeFile(join(rendererDir, 'assets', name), name);
  // Compression pays only for text over 1 KB: a picture is compressed already.
  await writeFile(join(rendererDir, 'assets', 'big.png'), Buffer.alloc(4096, 7));
  await writeFile(join(rendererDir, 'assets', 'exact.js'), 'x'.repeat(1024));
  await writeFile(join(rendererDir, 'assets', 'over.js'), 'x'.repeat(1025));
  await writeFile(join(parent, 'secret.txt'), secret);
  // A sibling whose name starts with the UI folder's name: a prefix check without the separator would let it through.
  await mkdir(join(parent, 'ui-private'));
  await writeFile(join(parent, 'ui-private', 'secret.txt'), secret);
  const dataDir = await tempDir();
  const core = await openCore({ dataDir, assessmentsDir, appVersion: '0.0.0-test' });
  const started = await startServe({ core, rendererDir, token: 'test-token-123', port: 0 });
  running.push({ server: started.server, core });
  uiDirs.set(started.port, rendererDir);
  return { ...started, core, dataDir, base: `http://127.0.0.1:${started.port}` };
}

const appJs = `console.log(${JSON.stringify('CCAT '.repeat(2000))});`;
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

  it('refuses a JSON command body over 35,018,072 bytes (a 25 MB file as base64 plus 64 KiB) without running the command, and takes one of exactly that size', async () => {
    const { port } = await serve();
    const limit = 35_018_072;
    const exact = `{"pad":"${'x'.repeat(limit - 10)}"}`;
    expect(exact.length).toBe(limit);
    const taken = await rawRequest(port, '/api/listAssessments', { method: 'POST', headers: auth, body: exact });
    // Read and handed to the command, which refuses the unknown key: the size limit did not stop it.
    expect(taken.status).toBe(200);
    expect(JSON.parse(taken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const body = `{"title":"${'x'.repeat(limit - 41)}","country":"GH","mode":"field"}`;
    expect(body.length).toBe(limit + 1);
    const answer = await rawRequest(port, '/api/createAssessment', { method: 'POST', headers: auth, body });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The request is larger than 33.4 MB, the most CCAT accepts. Attachments may be at most 25 MB.', details: { maxBytes: limit } },
    });
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
      expect(answer.body, path).toBe(appJs);
    }
  });

  it('compresses the UI, lets browsers keep hashed assets and revalidates the page', async () => {
    const { base } = await serve();
    const br = await fetchRaw(`${base}/assets/app.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(appJs);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await fetchRaw(`${base}/assets/app.js`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(appJs);
    const plain = await fetchRaw(`${base}/assets/app.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(appJs);

    const page = await fetchRaw(`${base}/`, {});
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = page.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetchRaw(`${base}/`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  describe('attachments sent as bytes', () => {
    const MB = 1024 * 1024;
    async function withAssessment() {
      const started = await serve();
      const created = await started.core.dispatch('createAssessment', { title: 'Upload', country: 'LA', mode: 'field' });
      if (!created.ok) throw new Error(created.error.message);
      const assessment = created.data as { id: string; frameworkId: string; frameworkVersion: string };
      const framework = await started.core.dispatch('getFramework', { id: assessment.frameworkId, version: assessment.frameworkVersion });
      const indicatorId = framework.ok ? (framework.data as { domains: Array<{ capabilities: Array<{ indicators: Array<{ id: string }> }> }> }).domains[0]!.capabilities[0]!.indicators[0]!.id : '';
      const upload = (bytes: Uint8Array<ArrayBuffer>, fileName = 'scan.pdf') =>
        fetch(`${started.base}/api/addAttachment?${new URLSearchParams({ id: assessment.id, indicatorId, fileName, mediaType: 'application/pdf' })}`, {
          method: 'POST',
          headers: { Authorization: 'Bearer test-token-123', 'Content-Type': 'application/octet-stream' },
          body: bytes,
        });
      const stored = async () => readdir(join(started.dataDir, 'attachments')).catch(() => [] as string[]);
      return { ...started, id: assessment.id, indicatorId, upload, stored };
    }

    it('stores a 24.9 MB file byte for byte, as the app does', async () => {
      const { upload, stored, dataDir } = await withAssessment();
      const bytes = Buffer.alloc(Math.floor(24.9 * MB));
      for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE(i, i);
      const answer = await upload(bytes, '報告書 2026.pdf');
      expect(answer.status).toBe(200);
      const meta = ((await answer.json()) as { data: { id: string; fileName: string; size: number } }).data;
      expect(meta).toMatchObject({ fileName: '報告書 2026.pdf', size: bytes.length });
      expect(await stored()).toEqual([meta.id]);
      // equals(), not toEqual(): a structural diff of 26 million elements would take minutes.
      expect((await readFile(join(dataDir, 'attachments', meta.id))).equals(bytes)).toBe(true);
    });

    it('refuses a 25.1 MB file with an answer the page can show, and writes nothing', async () => {
      const { upload, stored, base, core, id } = await withAssessment();
      const answer = await upload(new Uint8Array(Math.floor(25.1 * MB)));
      expect(answer.status).toBe(413);
      expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('at most 25 MB'), details: { maxBytes: 25 * MB } } });
      expect(await stored()).toEqual([]);
      expect((await core.dispatch('getAssessment', { id })) as unknown).toMatchObject({ ok: true, data: { attachments: [] } });
      // The connection is still usable: the page goes on working.
      expect((await fetch(`${base}/api/listAssessments`, { method: 'POST', headers: auth })).status).toBe(200);
    });

    it('checks the upload with the command schema and the token', async () => {
      const { base, id, indicatorId, stored } = await withAssessment();
      const post = (query: Record<string, string>, headers: Record<string, string> = { Authorization: 'Bearer test-token-123' }) =>
        fetch(`${base}/api/addAttachment?${new URLSearchParams(query)}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(10) });
      expect((await post({ id, indicatorId, fileName: 'a.txt', mediaType: '' }, {})).status).toBe(401);
      const unknownField = await post({ id, indicatorId, fileName: 'a.txt', mediaType: '', extra: '1' });
      expect(await unknownField.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/extra/) } });
      const noName = await post({ id, indicatorId, mediaType: '' });
      expect(await noName.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^fileName: /) } });
      const badName = await fetch(`${base}/api/addAttachment?id=${id}&indicatorId=${indicatorId}&fileName=%FF.txt&mediaType=`, {
        method: 'POST',
        headers: { Authorization: 'Bearer test-token-123', 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(10),
      });
      expect(await badName.json()).toMatchObject({ ok: false, error: { message: 'The upload address is not valid UTF-8 text.' } });
      expect(await stored()).toEqual([]);
    });

    it('still takes a 24.9 MB file as base64 in JSON, the way other API clients send it', async () => {
      const { base, id, indicatorId } = await withAssessment();
      const contentBase64 = Buffer.alloc(Math.floor(24.9 * MB), 1).toString('base64');
      const answer = await fetch(`${base}/api/addAttachment`, { method: 'POST', headers: auth, body: JSON.stringify({ id, indicatorId, fileName: 'a.bin', mediaType: '', contentBase64 }) });
      expect(await answer.json()).toMatchObject({ ok: true, data: { size: Math.floor(24.9 * MB) } });
    });
  });

  describe('.ccat files sent as bytes', () => {
    const MB = 1024 * 1024;
    const binary = { Authorization: 'Bearer test-token-123', 'Content-Type': 'application/octet-stream' };
    const upload = (base: string, command: string, fields: object, file: Uint8Array<ArrayBuffer>) =>
      fetch(`${base}/api/${command}`, { method: 'POST', headers: binary, body: new Blob([`${JSON.stringify(fields)}\n`, file]) });

    it('inspects and imports a passphrase-protected file sent as fields line + raw bytes', async () => {
      const source = await tempDir();
      const { id } = await seedWithAttachments(source);
      const sender = await openCore({ dataDir: source, assessmentsDir, appVersion: '0.0.0-test' });
      const exported = await sender.dispatch('exportBundle', { ids: [id] });
      await sender.close();
      if (!exported.ok) throw new Error(exported.error.message);
      // Locked as exportBundle locks it, at a lower scrypt cost: what is tested here is the passphrase crossing serve, not scrypt.
      const { bytes: locked } = await encryptBundle(Buffer.from((exported.data as { content: string }).content, 'base64'), { recipients: [], passphrase: 'correct horse battery', scryptWorkFactor: 10 });
      const file = Buffer.from(locked);

      const { base, core } = await serve();
      const wrong = await upload(base, 'inspectBundle', { passphrase: 'not it at all' }, file);
      expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'CANNOT_DECRYPT' } });
      const inspected = await upload(base, 'inspectBundle', { passphrase: 'correct horse battery' }, file);
      expect(await inspected.json()).toMatchObject({ ok: true, data: { encrypted: true, signer: { status: 'new' }, assessments: [{ id, relation: 'new' }] } });
      const imported = await upload(base, 'importBundle', { passphrase: 'correct horse battery', trustNewSigner: true }, file);
      expect(await imported.json()).toMatchObject({ ok: true, data: { signerAdded: true, assessments: [{ id, outcome: 'imported' }] } });
      expect(await core.dispatch('listAssessments', {})).toMatchObject({ ok: true, data: [{ id }] });
    });

    it('lets a 100 MB file through to the bundle reader, where base64 in JSON would be refused by size', async () => {
      const { base, core } = await serve();
      const big = new Uint8Array(100 * MB);
      const asBytes = await upload(base, 'inspectBundle', {}, big);
      expect(asBytes.status).toBe(200);
      // Refused by the reader (not a zip), not by serve's body limit.
      expect(await asBytes.json()).toMatchObject({ ok: false, error: { code: 'INVALID_BUNDLE' } });
      const asJson = await fetch(`${base}/api/inspectBundle`, { method: 'POST', headers: auth, body: JSON.stringify({ contentBase64: Buffer.from(big.subarray(0, 40 * MB)).toString('base64') }) });
      expect(asJson.status).toBe(413);
      expect(await core.dispatch('listSigners', {})).toEqual({ ok: true, data: [] });
    });

    it('refuses an upload without its fields line, or with the content among the fields, and imports nothing', async () => {
      const { base, core } = await serve();
      const noLine = await fetch(`${base}/api/importBundle`, { method: 'POST', headers: binary, body: new Uint8Array(100).fill(65) });
      expect(await noLine.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/one line of JSON/) } });
      const smuggled = await upload(base, 'importBundle', { contentBase64: 'AAAA' }, new Uint8Array(4));
      expect(await smuggled.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^contentBase64: /) } });
      const unknown = await upload(base, 'importBundle', { trustEverything: true }, new Uint8Array(4));
      expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/trustEverything/) } });
      // Other commands do not take raw bytes.
      const other = await fetch(`${base}/api/listSigners`, { method: 'POST', headers: binary, body: '{}\nxx' });
      expect(other.status).toBe(400);
      expect(await core.dispatch('listAssessments', {})).toEqual({ ok: true, data: [] });
    });
  });

  it('refuses a body that is not valid UTF-8 rather than storing replacement characters', async () => {
    const { base } = await serve();
    const title = Buffer.concat([Buffer.from('{"title":"Caf'), Buffer.from([0xe9]), Buffer.from('","country":"LA","mode":"field"}')]);
    const answer = await fetch(`${base}/api/createAssessment`, { method: 'POST', headers: auth, body: title });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Request body is not valid UTF-8 text.' } });
    expect(await (await fetch(`${base}/api/listAssessments`, { method: 'POST', headers: auth })).json()).toEqual({ ok: true, data: [] });
  });
});

/** A GET that shows the bytes as sent: fetch() would decode them and hide Content-Encoding's effect. */
async function fetchRaw(url: string, headers: Record<string, string>) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
/** Sends `head` (request line and headers) and `body` over a plain socket; resolves with the answer once the server closes or ends it. */
function socketExchange(port: number, head: string, body: Buffer | undefined = undefined, giveUpMs = 5000): Promise<{ answer: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closedByServer = false;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      closedByServer = true;
    });
    socket.on('close', () => resolve({ answer: Buffer.concat(chunks).toString('latin1'), closedByServer }));
    socket.on('error', reject);
    socket.write(head);
    if (body) socket.write(body);
    // Give up after a few seconds (the test then fails on what arrived): a server still waiting for the body never answers.
    setTimeout(() => socket.destroy(), giveUpMs);
  });
}

describe('cli serve limits and uploads, request by request', () => {
  const MB = 1024 * 1024;
  const binary = { Authorization: 'Bearer test-token-123', 'Content-Type': 'application/octet-stream' };

  it('answers a body announced as too large at once, before any of it arrives, and closes the connection', async () => {
    const { port } = await serve();
    const { answer, closedByServer } = await socketExchange(
      port,
      `POST /api/listAssessments HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer test-token-123\r\nContent-Type: application/json\r\nContent-Length: ${300 * MB}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer).toContain('The request is larger than 33.4 MB, the most CCAT accepts. Attachments may be at most 25 MB.');
    expect(closedByServer).toBe(true);
  });

  it('reads a .ccat upload announced at exactly the largest size it takes, instead of refusing it unread', async () => {
    const { port } = await serve();
    // Only the head and a few bytes are sent: the server waits for the rest, and gives up when the client hangs up.
    const { answer } = await socketExchange(
      port,
      `POST /api/importBundle HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer test-token-123\r\nContent-Type: application/octet-stream\r\nContent-Length: ${maxBundleUploadBytes}\r\n\r\n`,
      Buffer.from('{}\n'),
      500,
    );
    expect(answer).toBe('');
  });

  it('says a .ccat upload may be 256 MB, and a refused upload it has read whole keeps the connection open', async () => {
    const { port, base } = await serve();
    const { answer } = await socketExchange(
      port,
      `POST /api/importBundle HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer test-token-123\r\nContent-Type: application/octet-stream\r\nContent-Length: ${300 * MB}\r\n\r\n`,
    );
    expect(answer).toContain('A .ccat file may be at most 256 MB.');
    const drained = await rawRequest(port, '/api/listAssessments', { method: 'POST', headers: auth, body: Buffer.alloc(36 * MB, 32) });
    expect(drained.status).toBe(413);
    expect(drained.headers.connection).not.toBe('close');
    expect((await fetch(`${base}/api/listAssessments`, { method: 'POST', headers: auth })).status).toBe(200);
  });

  it('takes an upload whose content type carries parameters, and a query with empty parts, but never the content in the query', async () => {
    const started = await serve();
    const created = await started.core.dispatch('createAssessment', { title: 'Upload', country: 'LA', mode: 'field' });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.data as { id: string }).id;
    const indicatorId = 'hygiene.strategy.document';
    const query = `id=${id}&&indicatorId=${indicatorId}&fileName=scan.pdf&mediaType=application%2Fpdf&`;
    const sent = await fetch(`${started.base}/api/addAttachment?${query}`, {
      method: 'POST',
      headers: { ...binary, 'Content-Type': 'application/octet-stream ; charset=binary' },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(await sent.json()).toMatchObject({ ok: true, data: { fileName: 'scan.pdf', size: 3 } });
    const smuggled = await fetch(`${started.base}/api/addAttachment?${query}contentBase64=AAAA`, { method: 'POST', headers: binary, body: new Uint8Array([1]) });
    expect(await smuggled.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'contentBase64: send the file as the request body.' } });
  });

  it('reads a .ccat upload’s fields line up to 64 KiB, an empty one as no fields, and refuses fields that are not an object', async () => {
    const { base } = await serve();
    const post = (body: Buffer) => fetch(`${base}/api/inspectBundle`, { method: 'POST', headers: binary, body: new Uint8Array(body) });
    const file = Buffer.from('not a zip at all');
    // No fields at all: the file goes to the reader, which refuses it as what it is.
    expect(await (await post(Buffer.concat([Buffer.from('\n'), file]))).json()).toMatchObject({ ok: false, error: { code: 'INVALID_BUNDLE' } });
    const longest = Buffer.from(`{"passphrase":"${'p'.repeat(64 * 1024 - 17)}"}`);
    expect(longest.length).toBe(64 * 1024);
    const atLimit = (await (await post(Buffer.concat([longest, Buffer.from('\n'), file]))).json()) as { error: { message: string } };
    expect(atLimit.error.message).not.toMatch(/one line of JSON/);
    for (const fields of ['[1]', '"text"', 'null', '7']) {
      expect(await (await post(Buffer.concat([Buffer.from(`${fields}\n`), file]))).json(), fields).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The fields of a .ccat upload must be a JSON object.' },
      });
    }
  });

  it('varies by Accept-Encoding, compresses only text over 1 KB (HTML, scripts, styles, JSON, SVG), and serves a rebuilt file at once', async () => {
    const { base, port } = await serve();
    const br = { 'Accept-Encoding': 'br, gzip' };
    expect((await fetchRaw(`${base}/assets/app.js`, br)).headers.vary).toBe('Accept-Encoding');
    expect((await fetchRaw(`${base}/assets/style.css`, br)).headers['content-encoding']).toBeUndefined();
    expect((await fetchRaw(`${base}/assets/big.png`, br)).headers['content-encoding']).toBeUndefined();
    expect((await fetchRaw(`${base}/assets/exact.js`, br)).headers['content-encoding']).toBeUndefined();
    expect((await fetchRaw(`${base}/assets/over.js`, br)).headers['content-encoding']).toBe('br');
    // Every kind of text the UI is built from.
    for (const name of ['page.html', 'long.css', 'long.json', 'long.svg']) {
      await writeFile(join(uiDirs.get(port)!, 'assets', name), 'x'.repeat(2048));
      expect((await fetchRaw(`${base}/assets/${name}`, br)).headers['content-encoding'], name).toBe('br');
    }
    const before = await rawGet(port, '/index.html');
    await writeFile(join(uiDirs.get(port)!, 'index.html'), '<!doctype html><title>CCAT, rebuilt</title>');
    const after = await rawGet(port, '/index.html');
    expect(after.body).toBe('<!doctype html><title>CCAT, rebuilt</title>');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});

describe('cli serve start-up and failures', () => {
  it('makes a new session token each start: 24 random bytes, URL-safe, never the same twice', () => {
    const tokens = [newToken(), newToken()];
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(tokens[0]).not.toBe(tokens[1]);
  });

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
