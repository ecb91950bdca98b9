import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath as resolveChromiumPath } from '../../cli/pdf';
import { ccatBin } from '../cli/ccat';

export const root = join(import.meta.dirname, '..', '..');
export const screenshotsDir = join(root, 'artifacts', 'screenshots');

/** The same Chromium and the same offline flags the CLI prints PDFs with (CCAT_CHROMIUM overrides the path). */
export const chromiumPath = resolveChromiumPath();

export async function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ccat-e2e-'));
}

export interface ServeProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export interface ServeOptions {
  /** Run serve as another user, e.g. so that file permissions apply when the tests run as root. */
  uid?: number;
  gid?: number;
  /** A fixed port, e.g. to restart serve where an open page expects it; by default any free one. */
  port?: number;
}

/** Runs the real `ccat serve` in a child process against `dataDir` and resolves once it prints its URL. */
export async function startServe(dataDir: string, options: ServeOptions = {}): Promise<ServeProcess> {
  // The built CLI and UI, as a user runs them: tests/build-fresh.ts rebuilt whatever was stale.
  const child = spawn(process.execPath, [ccatBin, 'serve', '--data-dir', dataDir, '--port', String(options.port ?? 0)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) or set CCAT_CHROMIUM.`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Any request that leaves 127.0.0.1 is a bug: the app must work with no network. */
export function recordExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) external.push(request.url());
  });
  return external;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage });
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
