import { describe, expect, it, vi } from 'vitest';
import { commandNames, commands } from '../../core/api/commands';
import { dispatch, type ApiHandlers } from '../../core/api/dispatch';
import { registerIpc } from '../../electron/ipc';
import { serveRoutes } from '../../cli/serve';
import { channelFor } from '../../electron/channels';

const fake = await vi.hoisted(async () => (await import('../electron/fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);
await import('../../electron/preload');

const sorted = (names: Iterable<string>) => [...names].sort();

describe('one command list, three shells', () => {
  const expected = sorted(commandNames);

  it('the command list is what the schemas define', () => {
    expect(expected).toEqual(sorted(Object.keys(commands)));
    expect(expected.length).toBeGreaterThan(5);
  });

  it('Electron main registers exactly one handler per command', () => {
    const handled: string[] = [];
    registerIpc({ handle: (channel: string) => void handled.push(channel) }, { dispatch: async () => ({ ok: true, data: null }) }, () => true);
    expect(sorted(handled)).toEqual(sorted(commandNames.map(channelFor)));
    expect(sorted(handled.map((c) => c.replace(/^ccat:/, '')))).toEqual(expected);
  });

  it('the preload exposes exactly one method per command', () => {
    const [[, api]] = fake.module.contextBridge.exposeInMainWorld.mock.calls as [[string, Record<string, unknown>]];
    expect(sorted(Object.keys(api))).toEqual(expected);
  });

  it('serve answers exactly one route per command', () => {
    expect(sorted(serveRoutes().map((r) => r.replace(/^\/api\//, '')))).toEqual(expected);
  });
});

describe('the boundary parses untrusted input', () => {
  const never = new Proxy({} as ApiHandlers, {
    get: () => () => {
      throw new Error('a handler ran on invalid input');
    },
  });

  it.each([
    ['createAssessment', { title: '', country: 'VN', mode: 'field' }, /^title: a title is required/],
    ['createAssessment', { title: 'T', country: 'Viet Nam', mode: 'field' }, /^country: must be a two-letter ISO 3166-1 country code/],
    ['createAssessment', { title: 'T', country: 'VN', mode: 'remote' }, /^mode: /],
    ['updateResponse', { id: 'a', indicatorId: 'b', patch: { rating: { kind: 'level', level: 0 } } }, /^patch\.rating\.level: /],
    ['updateResponse', { id: 'a', indicatorId: 'b', patch: { confidence: 'certain' } }, /^patch\.confidence: /],
    ['exportAssessment', { id: 'a', format: 'exe', language: 'en' }, /^format: /],
    ['getAssessment', 'not an object', /expected object/],
    ['getAssessment', { id: 'a', __proto__: { polluted: true }, extra: 1 }, /extra/],
  ])('%s rejects %j with a readable path', async (name, payload, message) => {
    const result = await dispatch(never, name, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(message);
    }
  });
});
