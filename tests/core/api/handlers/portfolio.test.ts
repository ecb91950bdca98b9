import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeIndexSchema } from '../../../../core/store/index-schema';
import { failure, ok, useCores } from '../core-harness';
import { hqAssessments, seedPortfolio } from '../../portfolio/seed';

const { core, closeCore, tempDir } = useCores();

async function seeded() {
  const dataDir = await tempDir();
  await seedPortfolio(dataDir, hqAssessments());
  return core(dataDir);
}

const folders = async (dataDir: string) => (await readdir(join(dataDir, 'assessments'))).sort();
const shelfFile = async (dataDir: string) => JSON.parse(await readFile(join(dataDir, 'shelf.json'), 'utf8')) as { assessments: Record<string, { state: string }> };

describe('the portfolio', () => {
  it('keeps the import signer through later edits, which do not read the whole history for it', async () => {
    const api = await seeded();
    const signer = { fingerprint: 'ABCD 0123 4567 89AB CDEF 0123 4567 89AB', installation: 'Manila laptop' };
    await ok(api, 'reopenAssessment', { id: 'ph-2026-0001', reason: 'A late interview', by: 'HQ' });
    await ok(api, 'updateResponse', { id: 'ph-2026-0001', indicatorId: 'hygiene.csirt.mandate', patch: { notes: 'Seen in Manila' }, base: { notes: '' } });
    expect((await ok(api, 'listPortfolio', {})).rows.find((r) => r.id === 'ph-2026-0001')!.signer).toEqual(signer);
  });

  it('lists every assessment from the index with scores, coverage, largest gaps and the import signer; filters, sorts and groups', async () => {
    const api = await seeded();
    const view = await ok(api, 'listPortfolio', {});
    expect(view.total).toBe(5);
    expect(view.domainIds).toEqual(['hygiene', 'cip', 'cybercrime', 'norms', 'hr']);
    expect(view.facets).toEqual({ countries: ['FJ', 'KE', 'PH', 'VN'], frameworkVersions: ['1.1.0', '1.0.0'], years: [2026, 2025] });
    // Sorted by country by default, then by title ("…field…" before "…self…").
    expect(view.rows.map((r) => r.id)).toEqual(['fj-2026-0001', 'ke-2026-0001', 'ph-2026-0001', 'vn-2026-0001', 'vn-2025-0001']);
    const ph = view.rows.find((r) => r.id === 'ph-2026-0001')!;
    expect(ph.signer).toEqual({ fingerprint: 'ABCD 0123 4567 89AB CDEF 0123 4567 89AB', installation: 'Manila laptop' });
    expect(ph.regions).toEqual(expect.arrayContaining(['asean', 'indo-pacific']));
    expect(ph.coverage).toEqual({ rated: 2, total: 128 });
    // hygiene: strategy 3 and CSIRT 2, each short of target 3 by 0 and 1.
    expect(ph.domains.hygiene).toBe(2.5);
    expect(ph.gaps).toEqual([{ capabilityId: 'hygiene.csirt', domainId: 'hygiene', gap: 1 }]);
    expect(view.rows.find((r) => r.id === 'vn-2026-0001')!.gaps[0]).toEqual({ capabilityId: 'cip.internet-infrastructure', domainId: 'cip', gap: 2 });

    const asean = await ok(api, 'listPortfolio', { query: { regions: ['asean'], sort: { column: 'domain:hygiene', direction: 'desc' } } });
    // VN 2026: (2 + 3) / 2 = 2.5 — equal to PH, so country then title; VN 2025 on 1.0.0: (3 + 1) / 2 = 2.
    expect(asean.rows.map((r) => [r.id, r.domains.hygiene])).toEqual([
      ['ph-2026-0001', 2.5],
      ['vn-2026-0001', 2.5],
      ['vn-2025-0001', 2],
    ]);
    expect(asean.groups).toEqual([
      { country: 'PH', ids: ['ph-2026-0001'] },
      { country: 'VN', ids: ['vn-2026-0001', 'vn-2025-0001'] },
    ]);
    const search = await ok(api, 'listPortfolio', { query: { search: 'manila', modes: ['field'], years: [2026] } });
    expect(search.rows.map((r) => r.id)).toEqual(['ph-2026-0001']);
    // Country names in either language are searched.
    expect((await ok(api, 'listPortfolio', { query: { search: 'ベトナム' } })).rows).toHaveLength(2);
    expect((await ok(api, 'listPortfolio', { query: { statuses: ['draft', 'in-review'], frameworkVersions: ['1.1.0'] } })).rows.map((r) => r.country)).toEqual(['FJ', 'KE']);
  });

  it('archives and restores: hidden from every list, kept on disk and after a restart', async () => {
    const api = await seeded();
    await ok(api, 'archiveAssessments', { ids: ['vn-2025-0001'], by: 'HQ analyst' });
    expect((await ok(api, 'listPortfolio', {})).rows.map((r) => r.id)).not.toContain('vn-2025-0001');
    expect((await ok(api, 'listAssessments', {})).map((a) => a.id)).not.toContain('vn-2025-0001');
    const archived = await ok(api, 'listPortfolio', { query: { shelf: 'archived' } });
    expect(archived.rows.map((r) => [r.id, r.shelf])).toEqual([['vn-2025-0001', 'archived']]);
    expect(archived.shelves).toEqual({ active: 4, archived: 1, trashed: 0 });
    expect((await shelfFile(api.dataDir)).assessments['vn-2025-0001']).toMatchObject({ state: 'archived', by: 'HQ analyst' });

    await closeCore(api);
    const reopened = await core(api.dataDir);
    expect((await ok(reopened, 'listPortfolio', { query: { shelf: 'archived' } })).rows.map((r) => r.id)).toEqual(['vn-2025-0001']);
    // Still whole: it can be opened, and restored.
    expect((await ok(reopened, 'getAssessment', { id: 'vn-2025-0001' })).title).toBe('Viet Nam self-assessment 2025');
    await ok(reopened, 'restoreAssessments', { ids: ['vn-2025-0001'] });
    expect((await ok(reopened, 'listPortfolio', {})).total).toBe(5);
    expect((await failure(reopened, 'archiveAssessments', { ids: ['vn-2025-0001', 'no-such-0001'] })).code).toBe('NOT_FOUND');
    expect((await ok(reopened, 'listPortfolio', {})).shelves.archived).toBe(0);
  });

  it('empties the trash only when the confirmation names exactly what it holds; deleted folders are gone for good', async () => {
    const api = await seeded();
    await ok(api, 'trashAssessments', { ids: ['ke-2026-0001', 'fj-2026-0001'] });
    expect((await ok(api, 'listPortfolio', { query: { shelf: 'trashed' } })).rows.map((r) => r.id)).toEqual(['fj-2026-0001', 'ke-2026-0001']);

    const refused = await failure(api, 'emptyTrash', { confirmIds: ['ke-2026-0001'] });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/Nothing was deleted: the trash holds 2/);
    expect(await folders(api.dataDir)).toContain('ke-2026-0001');
    // Restored from the trash: no longer deleted by an emptying.
    await ok(api, 'restoreAssessments', { ids: ['fj-2026-0001'] });

    expect(await ok(api, 'emptyTrash', { confirmIds: ['ke-2026-0001'] })).toEqual({ deleted: ['ke-2026-0001'] });
    expect(await folders(api.dataDir)).toEqual(['fj-2026-0001', 'ph-2026-0001', 'vn-2025-0001', 'vn-2026-0001']);
    expect((await failure(api, 'getAssessment', { id: 'ke-2026-0001' })).code).toBe('NOT_FOUND');
    expect((await shelfFile(api.dataDir)).assessments).toEqual({});
    const index = storeIndexSchema.parse(JSON.parse(await readFile(join(api.dataDir, 'index.json'), 'utf8')));
    expect(index.assessments.map((e) => e.id)).not.toContain('ke-2026-0001');
    expect((await failure(api, 'emptyTrash', { confirmIds: ['ke-2026-0001'] })).code).toBe('CONFLICT');

    await closeCore(api);
    const reopened = await core(api.dataDir);
    expect((await ok(reopened, 'listPortfolio', { query: { shelf: 'all' } })).rows.map((r) => r.id)).toEqual(['fj-2026-0001', 'ph-2026-0001', 'vn-2026-0001', 'vn-2025-0001']);
  });

  it('a trash-emptying cut short after its mark is finished on the next open', async () => {
    const api = await seeded();
    await closeCore(api);
    // What is on disk when the process dies after writing the mark and before deleting any file.
    await writeFile(join(api.dataDir, 'shelf.json'), JSON.stringify({ schemaVersion: 1, assessments: { 'ke-2026-0001': { state: 'purging', at: '2026-03-05T08:00:00.000Z', by: 'HQ' } } }));
    const reopened = await core(api.dataDir);
    expect(await folders(api.dataDir)).not.toContain('ke-2026-0001');
    expect((await ok(reopened, 'listPortfolio', { query: { shelf: 'all' } })).rows.map((r) => r.id)).not.toContain('ke-2026-0001');
    expect((await shelfFile(api.dataDir)).assessments).toEqual({});
  });

  it('an index from before v4 is rebuilt from the documents with the portfolio fields', async () => {
    const api = await seeded();
    await closeCore(api);
    const indexPath = join(api.dataDir, 'index.json');
    const v4 = JSON.parse(await readFile(indexPath, 'utf8')) as { assessments: Array<Record<string, unknown>> };
    const v3 = { schemaVersion: 3, assessments: v4.assessments.map(({ gaps: _g, signer: _s, selection: _c, ...rest }) => rest) };
    await writeFile(indexPath, JSON.stringify(v3));
    await core(api.dataDir);
    const rebuilt = storeIndexSchema.parse(JSON.parse(await readFile(indexPath, 'utf8')));
    const ph = rebuilt.assessments.find((e) => e.id === 'ph-2026-0001')!;
    expect(ph.signer?.installation).toBe('Manila laptop');
    expect(ph.selection).toEqual({ japaneseBusinessPresence: 2, networkNodeImportance: 3, donorSupport: {}, plan: null });
  });
});

describe('compare, trend and ranking through the API', () => {
  it('compares 2 to 8 distinct assessments and refuses others with a readable path', async () => {
    const api = await seeded();
    const comparison = await ok(api, 'compareAssessments', { ids: ['vn-2026-0001', 'vn-2025-0001'] });
    expect(comparison).toMatchObject({ mapped: true, frameworkVersion: '1.1.0', indicatorsCompared: 121 });
    expect((await failure(api, 'compareAssessments', { ids: ['vn-2026-0001'] })).message).toBe('ids: compare at least 2 assessments');
    expect((await failure(api, 'compareAssessments', { ids: ['vn-2026-0001', 'vn-2026-0001'] })).message).toBe('ids: an assessment is listed twice');
  });

  it('follows one country over time and ranks the countries with a final assessment', async () => {
    const api = await seeded();
    const trend = await ok(api, 'getCountryTrend', { country: 'VN' });
    expect(trend.points.map((p) => p.id)).toEqual(['vn-2025-0001', 'vn-2026-0001']);
    // Read in 1.1.0: CSIRT 1 → 3; strategy (4, 2 and its split part 2) = 2.67 → 2, largest change first.
    expect(trend.steps[0]!.moved.map((m) => [m.capabilityId, m.from.toFixed(2), m.to])).toEqual([
      ['hygiene.csirt', '1.00', 3],
      ['hygiene.strategy', '2.67', 2],
    ]);

    const ranking = await ok(api, 'rankCountries', {});
    // VN: 3/3 + 2/3 + (1 − 1/3) = 2.3333; PH: 2/3 + 3/3 + 0 (no donor support recorded) = 1.6667. No accepted plans.
    expect(ranking.ranked.map((r) => [r.rank, r.country, r.assessmentId, Number(r.score.toFixed(4))])).toEqual([
      [1, 'VN', 'vn-2026-0001', 2.3333],
      [2, 'PH', 'ph-2026-0001', 1.6667],
    ]);
    expect(ranking.unranked).toEqual(['FJ', 'KE']);
    const reweighted = await ok(api, 'rankCountries', { weights: { networkNode: 5 } });
    expect(reweighted.ranked.map((r) => r.country)).toEqual(['PH', 'VN']);
    expect(reweighted.weights).toEqual({ businessPresence: 1, networkNode: 5, roomLeftByOthers: 1, resultPerEffort: 2 });
    expect((await failure(api, 'rankCountries', { weights: { networkNode: -1 } })).message).toBe('weights.networkNode: a weight cannot be negative');
  });
});
