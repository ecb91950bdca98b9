import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../core/temp-dir';
import { root, runCcat } from './ccat';

const framework = join(root, 'assessments', 'frameworks', 'ccat-1.1.0.json');
const catalogue = join(root, 'assessments', 'catalogue', 'programmes.json');
const tempDir = useTempDirs();

function ccat(...args: string[]) {
  const run = runCcat(args);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('ccat frameworks check', () => {
  it('prints machine-readable stats for the shipped framework and exits 0', () => {
    const run = ccat('frameworks', 'check', framework, '--catalogue', catalogue, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      valid: true,
      id: 'ccat',
      version: '1.1.0',
      localeCompleteness: { en: 100, ja: 100, vi: 100, id: 100, th: 100, km: 100, fr: 100, ar: 100 },
      indicatorsWithoutRefs: [],
      capabilitiesWithoutProgrammes: [],
      duplicateIds: [],
      identicalDescriptors: [],
      terminologyChecked: true,
      forbiddenTerms: [],
    });
    const { stats, indicatorsPerDomain, programmesPerCapability, unconfirmedRefs } = report as {
      stats: { indicators: number };
      indicatorsPerDomain: Record<string, number>;
      programmesPerCapability: Record<string, string[]>;
      unconfirmedRefs: Array<{ source: string }>;
    };
    expect(Object.keys(indicatorsPerDomain)).toEqual(['hygiene', 'cip', 'cybercrime', 'norms', 'hr']);
    expect(Object.values(indicatorsPerDomain).reduce((a, b) => a + b)).toBe(stats.indicators);
    expect(programmesPerCapability['hygiene.csirt']).toContain('itu-cirt-programme');
    // The NCAF objective numbers 4–6 could not be confirmed against ENISA's report (review §3.4).
    expect(unconfirmedRefs.length).toBeGreaterThan(0);
    expect(unconfirmedRefs.every((r) => r.source === 'NCAF1')).toBe(true);
  });

  it('names forbidden Japanese terms from a terminology file, and the shipped 1.0.0 text still has them', async () => {
    const terminology = join(await tempDir(), 'terms.json');
    await writeFile(
      terminology,
      JSON.stringify({
        schemaVersion: 2,
        languages: ['en', 'ja'],
        terms: [{ id: 'partner-country', term: { en: 'partner country', ja: 'パートナー国' }, definition: { en: 'd' }, forbidden: { ja: [{ text: '友好国', allowedIn: [] }] } }],
        styleRules: [],
      }),
    );
    const run = ccat('frameworks', 'check', join(root, 'assessments', 'frameworks', 'ccat-1.0.0.json'), '--terminology', terminology, '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { forbiddenTerms: Array<{ path: string; forbidden: string; use: string }> };
    expect(report.forbiddenTerms).toContainEqual({
      path: 'domains[norms].capabilities[norms.un-norms].indicators[norms.un-norms.implementation-review].descriptors[4].ja',
      forbidden: '友好国',
      use: 'パートナー国',
      rule: 'partner-country',
    });
  });

  it('fails with exit 1 and names the problems when a rule is broken', async () => {
    const broken = JSON.parse(await readFile(framework, 'utf8')) as {
      domains: Array<{ capabilities: Array<{ id: string; programmes: string[]; indicators: Array<{ id: string; refs: unknown[]; descriptors: Array<{ en: string; ja?: string }> }> }> }>;
    };
    const capability = broken.domains[0]!.capabilities[0]!;
    const indicator = capability.indicators[0]!;
    indicator.refs = [];
    indicator.descriptors[1] = { ...indicator.descriptors[0]! };
    capability.indicators[1]!.id = indicator.id;
    delete indicator.descriptors[2]!.ja;
    const file = join(await tempDir(), 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const run = ccat('frameworks', 'check', file, '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { valid: boolean; indicatorsWithoutRefs: string[]; duplicateIds: string[]; identicalDescriptors: unknown[]; localeCompleteness: Record<string, number> };
    expect(report.valid).toBe(false);
    expect(report.indicatorsWithoutRefs).toContain(indicator.id);
    expect(report.duplicateIds).toEqual([indicator.id]);
    expect(report.identicalDescriptors.length).toBeGreaterThan(0);
    expect(report.localeCompleteness.ja).toBeLessThan(100);
  });

  it('reports a file that is not a framework, and refuses bad arguments with exit 2', async () => {
    const file = join(await tempDir(), 'not.json');
    await writeFile(file, '{"__proto__": {"x": 1}}');
    const hostile = ccat('frameworks', 'check', file);
    expect(hostile.code).toBe(1);
    expect(hostile.stderr).toMatch(/forbidden key "__proto__"/);
    expect(ccat('frameworks', 'check', framework, '--colour').code).toBe(2);
    expect(ccat('frameworks', 'check').code).toBe(2);
    expect(ccat('assessments', 'list', '--data-dir').code).toBe(2);
    const unknown = ccat('bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "bogus"[\s\S]*Usage:/);
  });
});
