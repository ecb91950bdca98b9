import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, useCores } from './core-harness';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'assessments', 'sample-framework-v2.json');
const { core, tempDir } = useCores();

/**
 * An assessment made with the first (sample) framework, 0.1.0, and saved in the store format of
 * that time, must still open, score and export now that 1.0.0 ships: it keeps its framework version.
 */
describe('an assessment made with the sample framework 0.1.0', () => {
  it('opens on its own framework version, scores and exports', async () => {
    const dataDir = await tempDir();
    const { id } = JSON.parse(await readFile(fixture, 'utf8')) as { id: string };
    await mkdir(join(dataDir, 'assessments', id), { recursive: true });
    await copyFile(fixture, join(dataDir, 'assessments', id, 'r000000004.json'));
    const api = await core(dataDir);

    const assessment = await ok(api, 'getAssessment', { id });
    expect(assessment).toMatchObject({ frameworkVersion: '0.1.0', scope: { kind: 'national', name: 'National' } });
    const framework = await ok(api, 'getFramework', { id: 'ccat', version: assessment.frameworkVersion });
    expect(framework.domains.flatMap((d) => d.capabilities)).toHaveLength(10);

    // hygiene.csirt: levels 2 and 3 → 2.5; hygiene.strategy: N/A and 1 → 1; domain: mean(2.5, 1) = 1.75, weakest 1.
    const scores = await ok(api, 'getScores', { id });
    expect(scores.domains[0]).toMatchObject({ domainId: 'hygiene', mean: 1.75, min: 1, coverage: { total: 4, answered: 4, rated: 3, notApplicable: 1 } });
    expect(scores.overall.total).toBe(20);

    const html = await ok(api, 'exportAssessment', { id, format: 'html', report: 'full', language: 'en' });
    expect(html.content).toContain('Cambodia pilot on the sample framework');
    expect(html.content).toContain('0.1.0');
    expect((await ok(api, 'listAssessments', {})).map((a) => [a.id, a.frameworkVersion])).toEqual([[id, '0.1.0']]);

    // New assessments use the newest framework.
    expect(await ok(api, 'createAssessment', { title: 'New', country: 'KH', mode: 'self' })).toMatchObject({ frameworkVersion: '1.1.0' });
  });
});
