import { contextBridge, ipcRenderer } from 'electron';
import { commandNames } from '../core/api/commands';
import { channelFor } from './channels';

/**
 * `window.ccat` gets one named method per command, built from the command list so it cannot
 * drift from what the main process registers. There is deliberately no generic `invoke` and no
 * access to `ipcRenderer`: a compromised page can only call the commands the UI already has,
 * and every payload is still validated by the core.
 *
 * This runs sandboxed, where `require` only knows `electron` and a few built-ins: the build
 * bundles everything else into preload.cjs and fails if anything else is left external.
 */
const api = Object.fromEntries(
  commandNames.map((name) => {
    const channel = channelFor(name);
    return [name, (input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, input)];
  }),
);

contextBridge.exposeInMainWorld('ccat', Object.freeze(api));
