import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../core/temp-dir';
import { root, runCcat } from './ccat';

const framework = join(root, 'assessments', 'frameworks', 'ccat-1.0.0.json');
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
      version: '1.0.0',
      stats: { domains: 5, capabilities: 27, indicators: 105 },
      localeCompleteness: { en: 100, ja: 100 },
      indicatorsWithoutRefs: [],
      capabilitiesWithoutProgrammes: [],
      duplicateIds: [],
      identicalDescriptors: [],
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
