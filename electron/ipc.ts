import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { commandNames } from '../core/api/commands';
import type { Result } from '../core/api/result';
import { isAppUrl } from './app-url';
import { IPC_CHANNEL_PREFIX, channelFor } from './channels';

/** The part of the core IPC needs; `openCore` returns more. */
export interface CoreDispatcher {
  dispatch(name: unknown, payload: unknown): Promise<Result<unknown>>;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export { IPC_CHANNEL_PREFIX, channelFor };

/** Every channel registerIpc handles, for the contract test against `commandNames`. */
export function ipcChannels(): string[] {
  return commandNames.map(channelFor);
}

/**
 * No new error code for this: the UI already explains INVALID_INPUT, and a refused sender is
 * a bug or an attack, not something a user can act on.
 */
const refusal: Result<never> = {
  ok: false,
  error: { code: 'INVALID_INPUT', message: 'Refused: the request did not come from the CCAT window' },
};

/**
 * A sender is trusted when it is the main window's own web contents, in its top frame, showing
 * a page of app://ccat. Anything else (a subframe, a page that somehow navigated elsewhere, a
 * second web contents) is refused even though the preload would never run there.
 */
export function trustedSender(mainContents: () => WebContents | undefined): SenderCheck {
  return (event) => {
    const contents = mainContents();
    const frame = event.senderFrame;
    return (
      // Stryker disable next-line ConditionalExpression: equivalent, a sender is always a WebContents, so without a window `event.sender === contents` is false anyway
      contents !== undefined &&
      event.sender === contents &&
      frame !== null &&
      frame.parent === null &&
      isAppUrl(frame.url)
    );
  };
}

/**
 * One `ipcMain.handle` per command, nothing generic. The payload stays `unknown`: the core
 * parses it against the command's schema. Returns the channels registered.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, core: CoreDispatcher, isTrustedSender: SenderCheck): string[] {
  for (const name of commandNames) {
    ipcMain.handle(channelFor(name), async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) return refusal;
      try {
        return await core.dispatch(name, payload);
      } catch (error) {
        // dispatch reports expected failures as values; a throw here (e.g. the core already
        // closed while quitting) must still reach the page as a Result, not a lost exception.
        return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
      }
    });
  }
  return ipcChannels();
}
