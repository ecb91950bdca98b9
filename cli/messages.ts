import { CoreError } from '../core/api/result';

function detail(error: CoreError, key: 'file' | 'cause'): string | undefined {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !(key in details)) return undefined;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The line `ccat` prints for a failed command. The store's messages for a full or read-only
 * disk speak for the desktop app, which keeps unsaved work on screen and retries; a command
 * keeps nothing and retries nothing, so those two say what the user must do before running it
 * again. Every other message is the core's own.
 */
export function commandFailure(error: unknown): string {
  if (!(error instanceof CoreError)) return error instanceof Error ? error.message : String(error);
  const file = detail(error, 'file');
  const cause = detail(error, 'cause');
  if (error.code === 'DISK_FULL') {
    return `The disk is full: this command could not write ${file ?? 'its file'}, so it stopped. Free some space on that disk, then run the command again.`;
  }
  if (error.code === 'NO_PERMISSION') {
    return `This command may not use ${file ?? 'its folder'}${cause ? ` (${cause})` : ''}, so it stopped. Check that the folder and its disk are not read-only and that your account may change them, or choose another folder (--data-dir, --out), then run the command again.`;
  }
  return error.message;
}
