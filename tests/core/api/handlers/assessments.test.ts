import { describe, expect, it } from 'vitest';
import { ok, useCores } from '../core-harness';

const { core } = useCores();

describe('listAssessments', () => {
  it('lists what the HQ portfolio needs from the index: scores per domain and overall, coverage, period, status, revision', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', { title: 'Ghana 2026', country: 'GH', mode: 'field', period: { from: '2026-03-02', to: '2026-03-13' } });
    await ok(api, 'updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { rating: { kind: 'level', level: 4 } }, base: { rating: null } });
    await ok(api, 'updateResponse', { id, indicatorId: 'hygiene.csirt.services', patch: { rating: { kind: 'level', level: 2 } }, base: { rating: null } });

    const [summary] = await ok(api, 'listAssessments', {});
    expect(summary).toMatchObject({ id, title: 'Ghana 2026', country: 'GH', mode: 'field', status: 'draft', frameworkVersion: '1.1.0', period: { from: '2026-03-02', to: '2026-03-13' }, revision: 2 });
    expect(summary?.coverage).toEqual({ rated: 2, total: 128 });
    // Both ratings are in the one capability hygiene.csirt: its mean 3 is the domain's; with four domains unscored there is no overall score yet.
    expect(summary?.scores?.domains.hygiene).toBe(3);
    expect(summary?.scores?.overall).toBeNull();
    expect(Object.values(summary?.scores?.domains ?? {}).filter((s) => s === null)).toHaveLength(4);
  });
});
