import type { App, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { defaultBundleLimits } from '../core/bundle/format';
import { OPENED_FILE_NUDGE, TAKE_OPENED_FILES } from './channels';

/** The bundle reader's own limit: a larger file is not read into memory, the page is told its size instead. */
export const MAX_OPENED_FILE_BYTES = defaultBundleLimits.maxFileBytes;

/** A .ccat file the OS asked the app to open, as the page receives it. */
export type OpenedFile = { name: string; bytes: Uint8Array } | { name: string; tooLarge: number };

/**
 * The .ccat files named on a command line (Windows and Linux pass the double-clicked file as an
 * argument; Chromium's own switches and the app path are not files), resolved against the
 * directory the command ran in.
 */
export function bundlePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.ccat')).map((arg) => resolve(workingDirectory, arg));
}

/** Reads at most the limit (the file may grow between stat and read); a larger file is reported by size, unread. */
export async function readOpenedFile(path: string, limit = MAX_OPENED_FILE_BYTES): Promise<OpenedFile | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined; // gone or unreadable: nothing to show but what the OS already shows
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return undefined;
    const size = info.size;
    if (size > limit) return { name: basename(path), tooLarge: size };
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    return { name: basename(path), bytes: bytes.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

export interface OpenedFilesOptions {
  app: Pick<App, 'on'>;
  /** The main window's page, once there is one. */
  contents: () => WebContents | undefined;
  /** Brings the window forward (or opens it) when a file arrives. */
  show: () => void;
  read?: (path: string) => Promise<OpenedFile | undefined>;
}

/**
 * Files opened with the app wait here until the page takes them: the page asks on start (a file
 * double-clicked to launch the app arrives before there is a page) and whenever it is nudged.
 * Bytes go only to the trusted main window, and only when it asks.
 */
export function handleOpenedFiles(options: OpenedFilesOptions) {
  const read = options.read ?? readOpenedFile;
  const waiting: OpenedFile[] = [];
  const openPaths = async (paths: readonly string[]) => {
    for (const path of paths) {
      const file = await read(path);
      if (file === undefined) continue;
      waiting.push(file);
      options.show();
      options.contents()?.send(OPENED_FILE_NUDGE);
    }
  };

  // macOS: Finder's "open with" and double-click, also before the app is ready.
  options.app.on('open-file', (event, path) => {
    event.preventDefault();
    void openPaths([path]);
  });
  // Windows and Linux: a second launch with the file hands it to this one.
  options.app.on('second-instance', (_event, argv, workingDirectory) => {
    options.show();
    void openPaths(bundlePathsFromArgv(argv.slice(1), workingDirectory));
  });
  return {
    /**
     * Registered with the commands' IPC, once the core is open: the same sender check (electron/ipc.ts
     * trustedSender), and files leave only to that page.
     */
    registerIpc(ipcMain: Pick<IpcMain, 'handle'>, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
      ipcMain.handle(TAKE_OPENED_FILES, (event) => (isTrustedSender(event) ? waiting.splice(0) : []));
    },
    /** The file this process was launched with. */
    openFromArgv: (argv: readonly string[], workingDirectory: string) => openPaths(bundlePathsFromArgv(argv.slice(1), workingDirectory)),
    waiting: (): readonly OpenedFile[] => waiting,
  };
}
