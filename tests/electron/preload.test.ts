import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../core/api/commands';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

await import('../../electron/preload');

function exposed(): { key: unknown; api: Record<string, unknown> } {
  const [call, ...more] = fake.module.contextBridge.exposeInMainWorld.mock.calls;
  if (call === undefined || more.length > 0) throw new Error('expected exactly one exposeInMainWorld call');
  return { key: call[0], api: call[1] as Record<string, unknown> };
}

describe('preload bridge', () => {
  it('exposes a single object, window.ccat', () => {
    expect(fake.module.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(exposed().key).toBe('ccat');
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
