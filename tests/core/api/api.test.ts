import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../core/model/assessment';
import type { Core } from '../../../core/api/open-core.node.ts';
import { useCores } from './core-harness';

const { core, closeCore, tempDir } = useCores();

async function created(api: Core): Promise<Assessment> {
  const result = await api.dispatch('createAssessment', { title: 'Viet Nam national', country: 'VN', mode: 'field' });
  if (!result.ok) throw new Error(result.error.message);
  return result.data as Assessment;
}

describe('the core API', () => {
  it('creates an assessment on the newest framework and lists it', async () => {
    const api = await core();
    const assessment = await created(api);
    expect(assessment).toMatchObject({ frameworkId: 'ccat', frameworkVersion: '1.1.0', status: 'draft', revision: 0 });
    const list = await api.dispatch('listAssessments', {});
    expect(list).toMatchObject({ ok: true, data: [{ id: assessment.id, title: 'Viet Nam national', country: 'VN' }] });
  });

  it('saves a response, bumps the revision and records the change in the history', async () => {
    const api = await core();
    const { id } = await created(api);
    const indicatorId = 'hygiene.csirt.mandate';
    const saved = await api.dispatch('updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level: 3 }, confidence: 'high', notes: 'Decree 12/2020' }, base: { rating: null, confidence: null, notes: '' } });
    expect(saved).toMatchObject({ ok: true, data: { revision: 1, response: { rating: { kind: 'level', level: 3 }, notes: 'Decree 12/2020' } } });
    const got = await api.dispatch('getAssessment', { id });
    const assessment = (got as { data: Assessment }).data;
    expect(assessment.responses[indicatorId]?.confidence).toBe('high');
    expect(assessment.history.map((h) => h.field)).toEqual(
      expect.arrayContaining([`response:${indicatorId}.rating`, `response:${indicatorId}.confidence`, `response:${indicatorId}.notes`]),
    );
  });

  it('opens an assessment with its framework in one answer, leaving the history to getAssessment', async () => {
    const api = await core();
    const { id } = await created(api);
    const indicatorId = 'hygiene.csirt.mandate';
    await api.dispatch('updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level: 2 } }, base: { rating: null } });
    const opened = await api.dispatch('openAssessment', { id });
    expect(opened).toMatchObject({
      ok: true,
      data: { assessment: { id, revision: 1, history: [], responses: { [indicatorId]: { rating: { kind: 'level', level: 2 } } } }, framework: { id: 'ccat', version: '1.1.0' } },
    });
    const full = (await api.dispatch('getAssessment', { id })) as { ok: true; data: Assessment };
    expect(full.data.history.map((h) => h.field)).toContain(`response:${indicatorId}.rating`);
  });

  it('keeps data across a close and reopen of the same folder', async () => {
    const dataDir = await tempDir();
    const first = await core(dataDir);
    const { id } = await created(first);
    await first.dispatch('updateResponse', { id, indicatorId: 'cip.ics-ot.monitoring', patch: { rating: { kind: 'unknown' } }, base: { rating: null } });
    await closeCore(first);
    const second = await core(dataDir);
    const got = (await second.dispatch('getAssessment', { id })) as { ok: true; data: Assessment };
    expect(got.data.responses['cip.ics-ot.monitoring']?.rating).toEqual({ kind: 'unknown' });
  });

  it('rejects invalid input with a readable path and changes nothing on disk', async () => {
    const dataDir = await tempDir();
    const api = await core(dataDir);
    const { id } = await created(api);
    const before = await readdir(join(dataDir, 'assessments', id));
    const bad = await api.dispatch('updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { rating: { kind: 'level', level: 7 } }, base: { rating: null } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(bad.ok === false && bad.error.message).toMatch(/^patch\.rating\.level: /);
    const noReason = await api.dispatch('updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { rating: { kind: 'notApplicable', reason: '  ' } }, base: { rating: null } });
    expect(noReason.ok === false && noReason.error.message).toMatch(/^patch\.rating\.reason: a reason is required/);
    const extra = await api.dispatch('createAssessment', { title: 'x', country: 'VN', mode: 'field', admin: true });
    expect(extra.ok === false && extra.error.message).toMatch(/admin/);
    expect(await readdir(join(dataDir, 'assessments', id))).toEqual(before);
  });

  it('refuses unknown commands, unknown assessments and indicators outside the framework', async () => {
    const api = await core();
    expect(await api.dispatch('dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(await api.dispatch('getAssessment', { id: 'nope-nope-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { id } = await created(api);
    expect(await api.dispatch('updateResponse', { id, indicatorId: 'made.up', patch: { notes: 'x' }, base: { notes: '' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serialises quick concurrent edits so none is lost', async () => {
    const api = await core();
    const { id } = await created(api);
    const ids = ['hygiene.csirt.mandate', 'hygiene.csirt.services', 'hygiene.strategy.lead-agency', 'cip.identification.criteria'];
    const results = await Promise.all(ids.map((indicatorId, i) => api.dispatch('updateResponse', { id, indicatorId, patch: { notes: `note ${i}` }, base: { notes: '' } })));
    expect(results.every((r) => r.ok)).toBe(true);
    const got = (await api.dispatch('getAssessment', { id })) as { ok: true; data: Assessment };
    expect(got.data.revision).toBe(ids.length);
    expect(ids.map((indicatorId) => got.data.responses[indicatorId]?.notes)).toEqual(ids.map((_, i) => `note ${i}`));
  });

  it('exports JSON that reads back as the stored assessment, and an HTML report', async () => {
    const api = await core();
    const { id } = await created(api);
    const json = (await api.dispatch('exportAssessment', { id, format: 'json', language: 'en' })) as { ok: true; data: { content: string; fileName: string } };
    expect(JSON.parse(json.data.content)).toMatchObject({ id, title: 'Viet Nam national' });
    expect(json.data.fileName).toBe('Viet-Nam-national-VN-2026-03-05.json');
    const html = (await api.dispatch('exportAssessment', { id, format: 'html', language: 'ja' })) as { ok: true; data: { content: string } };
    expect(html.data.content).toContain('サイバー能力評価報告書');
  });
});
