import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../core/api/commands';
import type { Result } from '../../core/api/result';
import { IPC_CHANNEL_PREFIX, ipcChannels, registerIpc, trustedSender } from '../../electron/ipc';

// ipc.ts imports only types from electron; the mock makes sure nothing real is ever loaded.
vi.mock('electron', () => ({}));

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>;

const mainContents = { id: 1 } as unknown as WebContents;
const otherContents = { id: 2 } as unknown as WebContents;

function frame(url: string, parent: unknown = null) {
  return { url, parent };
}

function event(sender: WebContents, senderFrame: unknown): IpcMainInvokeEvent {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

let handlers: Map<string, Handler>;
let dispatch: ReturnType<typeof vi.fn<(name: unknown, payload: unknown) => Promise<Result<unknown>>>>;

function register(): string[] {
  handlers = new Map();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`); // as Electron does
      handlers.set(channel, handler);
    }),
  };
  return registerIpc(ipcMain as never, { dispatch }, trustedSender(() => mainContents));
}

function handler(channel: string): Handler {
  const found = handlers.get(channel);
  if (found === undefined) throw new Error(`no handler for ${channel}`);
  return found;
}

beforeEach(() => {
  dispatch = vi.fn(async () => ({ ok: true, data: 'from core' }) as Result<unknown>);
});

describe('IPC registration', () => {
  it('registers exactly one ccat:<name> handler per command, and nothing else', () => {
    const returned = register();
    const expected = new Set(commandNames.map((name) => `${IPC_CHANNEL_PREFIX}${name}`));
    expect(new Set(handlers.keys())).toEqual(expected);
    expect(handlers.size).toBe(commandNames.length);
    expect(new Set(returned)).toEqual(expected);
    expect(new Set(ipcChannels())).toEqual(expected);
    expect(IPC_CHANNEL_PREFIX).toBe('ccat:');
  });
});

describe('IPC sender check', () => {
  beforeEach(register);

  it('forwards a message from the main window at app://ccat to the core, name and payload unchanged', async () => {
    const payload = { id: 'a1', indicatorId: 'i1', patch: { notes: 'n' } };
    const result = await handler('ccat:updateResponse')(event(mainContents, frame('app://ccat/index.html')), payload);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('updateResponse', payload);
    expect(result).toEqual({ ok: true, data: 'from core' });
  });

  it('forwards every command to the core under its own name', async () => {
    for (const name of commandNames) {
      await handler(`ccat:${name}`)(event(mainContents, frame('app://ccat/index.html#/x')), {});
      expect(dispatch).toHaveBeenLastCalledWith(name, {});
    }
  });

  it.each([
    ['a remote page', mainContents, frame('https://evil.example/')],
    ['a file:// page', mainContents, frame('file:///C:/Users/x/evil.html')],
    ['a look-alike host', mainContents, frame('app://ccat.evil/index.html')],
    ['userinfo tricks', mainContents, frame('app://ccat@evil/index.html')],
    ['a subframe of the app', mainContents, frame('app://ccat/index.html', frame('app://ccat/index.html'))],
    ['a frame that is gone', mainContents, null],
    ['another web contents', otherContents, frame('app://ccat/index.html')],
  ])('refuses %s without calling the core', async (_label, sender, senderFrame) => {
    const result = await handler('ccat:listAssessments')(event(sender, senderFrame), {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Refused: the request did not come from the CCAT window' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses everything while there is no main window', async () => {
    handlers.clear();
    const ipcMain = { handle: (channel: string, h: Handler) => handlers.set(channel, h) };
    registerIpc(ipcMain as never, { dispatch }, trustedSender(() => undefined));
    const result = await handler('ccat:getAppInfo')(event(mainContents, frame('app://ccat/index.html')), {});
    expect(result.ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a core that throws into an INTERNAL result instead of a lost exception', async () => {
    dispatch.mockRejectedValueOnce(new Error('store closed'));
    const result = await handler('ccat:getAppInfo')(event(mainContents, frame('app://ccat/index.html')), {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'store closed' } });
    dispatch.mockRejectedValueOnce('plain text thrown');
    expect(await handler('ccat:getAppInfo')(event(mainContents, frame('app://ccat/index.html')), {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'plain text thrown' } });
  });
});
