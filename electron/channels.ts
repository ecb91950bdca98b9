import type { CommandName } from '../core/api/commands';

/**
 * IPC channel names are `ccat:<command>`. Shared by the main-process handlers and the preload,
 * which is bundled on its own, so this file must stay free of Node and Electron imports.
 */
export const IPC_CHANNEL_PREFIX = 'ccat:';

export function channelFor(name: CommandName): string {
  return `${IPC_CHANNEL_PREFIX}${name}`;
}
