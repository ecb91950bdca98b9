import { contextBridge, ipcRenderer } from 'electron';
import { commandNames } from '../core/api/commands';
import { channelFor, helpSections, OPENED_FILE_NUDGE, SHOW_HELP, TAKE_OPENED_FILES } from './channels';
import type { OpenedFile } from './opened-files';

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

/*
 * A Help menu choice that opened the window arrives before the page has subscribed: it waits
 * here, and only the known sections are passed on.
 */
let helpListener: ((section: string) => void) | undefined;
let pendingHelp: string | undefined;
ipcRenderer.on(SHOW_HELP, (_event, section: unknown) => {
  if (!(helpSections as readonly unknown[]).includes(section)) return;
  if (helpListener) helpListener(section as string);
  else pendingHelp = section as string;
});

/**
 * The events the page can subscribe to. `window.ccatShell.onBundleOpened`: a .ccat file opened
 * with the app (double-click, "open with", a second launch). The listener gets each file once;
 * files opened before the page subscribed are delivered on subscribing. It takes no arguments
 * from the page besides the listener, so it opens no door the commands do not.
 * `onShowHelp`: a Help menu choice; only the known sections reach the listener.
 */
const shell = {
  onBundleOpened(listener: (file: OpenedFile) => void): () => void {
    const take = () => {
      void ipcRenderer.invoke(TAKE_OPENED_FILES).then((files: OpenedFile[]) => {
        for (const file of files) listener(file);
      });
    };
    ipcRenderer.on(OPENED_FILE_NUDGE, take);
    take();
    return () => {
      ipcRenderer.removeListener(OPENED_FILE_NUDGE, take);
    };
  },
  /** The Help menu: the listener gets the section to open ('' for the guide, 'licences'). */
  onShowHelp(listener: (section: string) => void): () => void {
    helpListener = listener;
    if (pendingHelp !== undefined) listener(pendingHelp);
    pendingHelp = undefined;
    return () => {
      if (helpListener === listener) helpListener = undefined;
    };
  },
};

contextBridge.exposeInMainWorld('ccatShell', Object.freeze(shell));
