import { describe, expect, it } from 'vitest';
import { failure, ok, useCores } from '../api/core-harness';

const { core } = useCores();
const base = { title: 'Ghana CSA self-assessment', country: 'GH', mode: 'self' } as const;

describe('an agency assessment names its agency', () => {
  it('refuses to create or change to an agency scope without a name, naming the field', async () => {
    const api = await core();
    expect(await failure(api, 'createAssessment', { ...base, scope: { kind: 'agency', name: '  ' } })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/scope\.name.*name the agency/) });
    const created = await ok(api, 'createAssessment', { ...base, scope: { kind: 'national', name: '' } });
    expect(await failure(api, 'updateSetup', { id: created.id, patch: { scope: { kind: 'agency', name: '' } }, base: { scope: created.scope } })).toMatchObject({ code: 'INVALID_INPUT' });
    const named = await ok(api, 'updateSetup', { id: created.id, patch: { scope: { kind: 'agency', name: 'Cyber Security Authority' } }, base: { scope: created.scope } });
    expect(named.scope).toEqual({ kind: 'agency', name: 'Cyber Security Authority' });
  });

  it('lets a sector or the nation go unnamed', async () => {
    const api = await core();
    expect((await ok(api, 'createAssessment', { ...base, scope: { kind: 'sector', name: '' } })).scope).toEqual({ kind: 'sector', name: '' });
  });
});
