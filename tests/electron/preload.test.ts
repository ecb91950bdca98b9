import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../core/api/commands';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

await import('../../electron/preload');

function exposedAs(key: string): Record<string, unknown> {
  const calls = fake.module.contextBridge.exposeInMainWorld.mock.calls.filter(([name]) => name === key);
  if (calls.length !== 1) throw new Error(`expected exactly one exposeInMainWorld call for ${key}`);
  return calls[0]![1] as Record<string, unknown>;
}

function exposed(): { api: Record<string, unknown> } {
  return { api: exposedAs('ccat') };
}

describe('preload bridge', () => {
  it('exposes window.ccat (the commands) and window.ccatShell (event subscriptions), nothing else', () => {
    expect(fake.module.contextBridge.exposeInMainWorld.mock.calls.map(([key]) => key).sort()).toEqual(['ccat', 'ccatShell']);
  });

  it('ccatShell has onShowHelp: it passes on only the known Help sections, also one that came before the page subscribed', () => {
    const shell = exposedAs('ccatShell');
    // Registered when the preload ran, before any page code: a message for a page still loading waits.
    const [channel, onShow] = fake.module.ipcRenderer.on.mock.calls.find(([name]) => name === 'ccat-shell:show-help') as [string, (event: unknown, section: unknown) => void];
    expect(channel).toBe('ccat-shell:show-help');
    onShow({}, 'licences');
    const listener = vi.fn();
    const unsubscribe = (shell.onShowHelp as (l: typeof listener) => () => void)(listener);
    expect(listener.mock.calls).toEqual([['licences']]);
    onShow({}, '');
    onShow({}, '../settings');
    onShow({}, { toString: () => 'licences' });
    expect(listener.mock.calls).toEqual([['licences'], ['']]);
    unsubscribe();
    onShow({}, 'licences');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('ccatShell has only onBundleOpened and onShowHelp: it takes the opened files on subscribing and on each nudge, and unsubscribes', async () => {
    const shell = exposedAs('ccatShell');
    expect(Object.keys(shell)).toEqual(['onBundleOpened', 'onShowHelp']);
    expect(Object.isFrozen(shell)).toBe(true);
    const file = { name: 'vn.ccat', bytes: new Uint8Array([1, 2]) };
    fake.module.ipcRenderer.invoke.mockResolvedValueOnce([file]).mockResolvedValueOnce([]);
    const listener = vi.fn();
    const unsubscribe = (shell.onBundleOpened as (l: typeof listener) => () => void)(listener);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledExactlyOnceWith(file));
    expect(fake.module.ipcRenderer.invoke).toHaveBeenCalledWith('ccat-shell:take-opened-files');
    const [channel, onNudge] = fake.module.ipcRenderer.on.mock.calls.at(-1) as [string, () => void];
    expect(channel).toBe('ccat-shell:file-opened');
    onNudge();
    expect(fake.module.ipcRenderer.invoke).toHaveBeenCalledTimes(2);
    unsubscribe();
    expect(fake.module.ipcRenderer.removeListener).toHaveBeenCalledWith('ccat-shell:file-opened', onNudge);
    fake.module.ipcRenderer.invoke.mockClear();
  });

  it('has exactly one function per command and nothing else', () => {
    const { api } = exposed();
    expect(new Set(Object.keys(api))).toEqual(new Set(commandNames));
    for (const name of commandNames) expect(typeof api[name], name).toBe('function');
  });

  it('offers no generic door: no invoke, send, on, or ipcRenderer', () => {
    const { api } = exposed();
    for (const forbidden of ['invoke', 'send', 'sendSync', 'on', 'once', 'ipcRenderer', 'postMessage']) {
      expect(api, forbidden).not.toHaveProperty(forbidden);
    }
    expect(Object.values(api)).not.toContain(fake.module.ipcRenderer);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own ccat:<name> channel with the input unchanged', async () => {
    const { api } = exposed();
    const call = api.createAssessment as (input: unknown) => Promise<unknown>;
    const input = { title: 'Ghana 2025', country: 'GH', mode: 'field' };
    await expect(call(input)).resolves.toEqual({ ok: true, data: null });
    expect(fake.module.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('ccat:createAssessment', input);
  });
});
