import { navigate } from '../route';

/** The bundle reader's own limit (core/bundle/format.ts defaultBundleLimits.maxFileBytes): a larger file is not read into the page at all. */
export const maxBundleBytes = 256 * 1024 * 1024;

export interface BundleFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type PendingFile = BundleFile | { name: string; tooLarge: number };

declare global {
  interface Window {
    /** Electron only (electron/preload.ts): .ccat files opened with the app, and Help menu choices. */
    ccatShell?: {
      onBundleOpened(listener: (file: { name: string; bytes: Uint8Array } | { name: string; tooLarge: number }) => void): () => void;
      onShowHelp(listener: (section: string) => void): () => void;
    };
  }
}

/** In Electron, opens the import screen for each .ccat file the OS opens with the app; returns the unsubscribe. */
export function followOpenedFiles(): () => void {
  return window.ccatShell?.onBundleOpened((file) => openForImport('bytes' in file ? { name: file.name, bytes: new Uint8Array(file.bytes) } : file)) ?? (() => undefined);
}

let pending: PendingFile | undefined;
let opened = 0;

/** The file the import screen opens with; it stays until another one is chosen, so a reload of the screen does not lose it. */
export function pendingImport(): PendingFile | undefined {
  return pending;
}

export function clearPendingImport(): void {
  pending = undefined;
}

/** Hands a chosen, dropped or (in Electron) opened file to the import screen. */
export function openForImport(file: PendingFile): void {
  pending = file;
  opened += 1;
  navigate({ screen: 'import', at: opened });
}

export async function readBundleFile(file: File): Promise<PendingFile> {
  if (file.size > maxBundleBytes) return { name: file.name, tooLarge: file.size };
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function isBundleName(name: string): boolean {
  return name.toLowerCase().endsWith('.ccat');
}
