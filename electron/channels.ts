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
/** Main → page: the Help menu asks for the Help screen; the payload is one of `helpSections`. */
export const SHOW_HELP = 'ccat-shell:show-help';
/** '' is the guide from its start; 'licences' is About and the third-party licence texts. */
export const helpSections = ['', 'licences'] as const;
export type HelpSection = (typeof helpSections)[number];
