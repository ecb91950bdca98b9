import { chmod } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, removeDir, type ServeProcess } from './harness';

export interface E2e {
  browser: Browser;
  /** The `serve` of the running test, stopped after it. */
  serve: ServeProcess | undefined;
  /** The test's own data folder, removed after it. */
  dataDir: string | undefined;
}

/**
 * One Chromium per test file; each test starts its own `serve` on its own data folder
 * (Bruno/Actual style), and both are cleaned up after the test whatever happened.
 */
export function useE2e(): E2e {
  const state: E2e = { browser: undefined as unknown as Browser, serve: undefined, dataDir: undefined };
  beforeAll(async () => {
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  afterEach(async () => {
    await state.serve?.stop();
    if (state.dataDir) {
      // A test may have made the folder read-only to provoke a save error.
      await chmod(state.dataDir, 0o700).catch(() => undefined);
      await removeDir(state.dataDir);
    }
    state.serve = undefined;
    state.dataDir = undefined;
  });
  return state;
}
