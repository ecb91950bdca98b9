import type { App } from 'electron';

/** Longest we hold the quit for the store to flush; past this a hung disk must not trap the user. */
export const CLOSE_TIMEOUT_MS = 10_000;

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`closing the data store took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Holds the quit until the core has flushed and released the data folder, then quits again.
 * 'will-quit' rather than 'before-quit': by then the windows are closed, so the page's last
 * save (sent while it unloaded) has already reached the core and is part of what gets flushed.
 */
export function closeCoreOnQuit(
  app: Pick<App, 'on' | 'quit'>,
  close: () => Promise<void>,
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
  timeoutMs: number = CLOSE_TIMEOUT_MS,
): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    withTimeout(Promise.resolve().then(close), timeoutMs)
      .catch((error: unknown) => log('CCAT: closing the data store failed', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
