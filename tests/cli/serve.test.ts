import { mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
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

async function serve() {
  const rendererDir = await tempDir();
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>CCAT</title>');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const core = await openCore({ dataDir: await tempDir(), assessmentsDir, appVersion: '0.0.0-test' });
  const started = await startServe({ core, rendererDir, token: 'test-token-123', port: 0 });
  running.push({ server: started.server, core });
  return { ...started, base: `http://127.0.0.1:${started.port}` };
}

const auth = { Authorization: 'Bearer test-token-123', 'Content-Type': 'application/json' };

describe('cli serve', () => {
  it('listens on the loopback address only and prints a URL with the token in the fragment', async () => {
    const { server, url } = await serve();
    expect(server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=test-token-123$/);
  });

  it('serves the built UI with the page CSP', async () => {
    const { base } = await serve();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>CCAT</title>');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
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

  it('refuses other Host headers (DNS rebinding) and paths outside the UI folder', async () => {
    const { port, base } = await serve();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { Host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/../../package.json']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });
});
