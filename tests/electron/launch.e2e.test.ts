import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Launches the real desktop app with Playwright. Needs Electron's binary, which the build
 * machines cannot download (design §10): there the test is skipped and says why.
 */

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function findElectronBinary(): { binary: string } | { reason: string } {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  // The electron package downloads nothing at install; `require('electron')` would
  // start the download on first use, which the offline build machines must not attempt.
  if (!existsSync(pathFile)) {
    return { reason: 'node_modules/electron/path.txt is missing: the Electron binary has not been downloaded (npm start or npx install-electron does that on a machine with internet)' };
  }
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (!existsSync(binary)) return { reason: `the Electron executable ${binary} does not exist` };
  return { binary };
}

const found = findElectronBinary();
const binary = 'binary' in found ? found.binary : undefined;
if (binary === undefined && 'reason' in found) {
  console.log(`[electron launch test] skipped: ${found.reason}`);
}

describe('desktop app launch', () => {
  let app: ElectronApplication | undefined;
  let userData = '';

  beforeAll(async () => {
    if (binary === undefined) return;
    const run = (script: string) => execFileSync('npm', ['run', script], { cwd: repoRoot, stdio: 'inherit' });
    run('build:electron');
    if (!existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) run('build:renderer');

    userData = mkdtempSync(path.join(tmpdir(), 'ccat-electron-'));
    app = await _electron.launch({
      executablePath: binary,
      // The repository folder, not main.cjs itself: Electron then reads package.json (name,
      // version, main -> dist/electron/main.cjs) as it will in the packaged app.
      // --user-data-dir keeps the test away from a real CCAT's data and single-instance lock.
      args: [repoRoot, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: repoRoot,
      timeout: 60_000,
    });
  });

  afterAll(async () => {
    await app?.close();
    if (userData !== '') rmSync(userData, { recursive: true, force: true });
  });

  it.skipIf(binary === undefined)('opens one CCAT window from app://ccat with the command bridge', async () => {
    if (app === undefined) throw new Error('the app did not launch');
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    expect(page.url()).toBe('app://ccat/index.html');
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toMatch(/CCAT/);

    const bridge = await page.evaluate(() => {
      const ccat = (window as unknown as { ccat?: Record<string, unknown> }).ccat;
      return { listAssessments: typeof ccat?.listAssessments, invoke: ccat !== undefined && 'invoke' in ccat, node: typeof (window as unknown as { require?: unknown }).require };
    });
    expect(bridge).toEqual({ listAssessments: 'function', invoke: false, node: 'undefined' });

    // A real round trip: page -> preload -> sender check -> core -> store in the temp folder.
    const result = await page.evaluate(() =>
      (window as unknown as { ccat: { listAssessments(input: unknown): Promise<unknown> } }).ccat.listAssessments({}),
    );
    expect(result).toMatchObject({ ok: true });
    expect(existsSync(path.join(userData, 'ccat'))).toBe(true);
  });
});
