import type { CommandName } from '../core/api/commands';

/**
 * IPC channel names are `ccat:<command>`. Shared by the main-process handlers and the preload,
 * which is bundled on its own, so this file must stay free of Node and Electron imports.
 */
export const IPC_CHANNEL_PREFIX = 'ccat:';

export function channelFor(name: CommandName): string {
  return `${IPC_CHANNEL_PREFIX}${name}`;
}

/** Main → page: a .ccat file was opened with the app; the page then takes it (no payload on this channel). */
export const OPENED_FILE_NUDGE = 'ccat-shell:file-opened';
/** Page → main: hand over the files opened with the app that the page has not taken yet. */
export const TAKE_OPENED_FILES = 'ccat-shell:take-opened-files';
