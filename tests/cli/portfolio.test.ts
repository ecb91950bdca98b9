import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxText } from '../core/report/extract';
import { hqAssessments, seedPortfolio } from '../core/portfolio/seed';
import { snapshotTree } from '../core/store/helpers';
import { useTempDirs } from '../core/temp-dir';
import { runCcat } from './ccat';

const tempDir = useTempDirs();

function cli(...args: string[]) {
  return runCcat(args, { timeout: 60_000 });
}

async function seeded(): Promise<string> {
  const dataDir = await tempDir();
  await seedPortfolio(dataDir, hqAssessments());
  return dataDir;
}

describe('ccat portfolio', () => {
  it('writes the portfolio workbook with HQ weights, verifies it on disk, and changes nothing in the data folder', async () => {
    const dataDir = await seeded();
    const before = await snapshotTree(dataDir);
    const folder = await tempDir();
    const weights = join(folder, 'weights.json');
    await writeFile(weights, JSON.stringify({ networkNode: 5 }));
    const out = join(folder, 'portfolio.xlsx');
    const run = cli('portfolio', '--data-dir', dataDir, '--format', 'xlsx', '--out', out, '--weights', weights);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Exported ${out}`);
    expect(run.stdout).toMatch(/core check: XLSX re-read: 2 sheets/);
    expect(run.stdout).toMatch(/on disk: +XLSX re-read: 2 sheets .*; identical to the export/);
    const text = await xlsxText(new Uint8Array(await readFile(out)));
    expect(text).toContain('Philippines field assessment 2026');
    expect(text).toContain('Network-node importance');
    expect(await snapshotTree(dataDir)).toEqual(before);
  }, 60_000);

  it('writes the portfolio in any of the eight languages: Arabic HTML reads right to left', async () => {
    const dataDir = await seeded();
    const out = join(await tempDir(), 'portfolio.html');
    const run = cli('portfolio', '--data-dir', dataDir, '--format', 'html', '--out', out, '--lang', 'ar');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(cli('portfolio', '--data-dir', dataDir, '--format', 'html', '--out', out, '--lang', 'de').stderr).toMatch(/--lang must be one of en, ja, vi, id, th, km, fr, ar/);
  }, 60_000);

  it('refuses a bad weights file, a target inside the data folder, and an existing file without --force (exit 2)', async () => {
    const dataDir = await seeded();
    const folder = await tempDir();
    const weights = join(folder, 'weights.json');
    await writeFile(weights, JSON.stringify({ networkNode: -2, colour: 1 }));
    const bad = cli('portfolio', '--data-dir', dataDir, '--format', 'json', '--out', join(folder, 'p.json'), '--weights', weights);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--weights: .*weights\.json: .*networkNode: a weight cannot be negative/);
    const inside = cli('portfolio', '--data-dir', dataDir, '--format', 'json', '--out', join(dataDir, 'p.json'));
    expect(inside.status).toBe(2);
    expect(inside.stderr).toMatch(/--out refused/);
    const existing = join(folder, 'exists.json');
    await writeFile(existing, 'keep me');
    const clash = cli('portfolio', '--data-dir', dataDir, '--format', 'json', '--out', existing);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/Add --force to replace it/);
    expect(await readFile(existing, 'utf8')).toBe('keep me');
    expect(cli('portfolio', '--data-dir', dataDir, '--format', 'docx', '--out', join(folder, 'p.docx')).stderr).toMatch(/--format must be one of xlsx, html, pdf, json/);
  }, 60_000);
});

describe('ccat compare', () => {
  it('exports two assessments side by side as JSON and HTML', async () => {
    const dataDir = await seeded();
    const folder = await tempDir();
    const json = join(folder, 'compare.json');
    const run = cli('compare', 'vn-2026-0001', 'vn-2025-0001', '--data-dir', dataDir, '--format', 'json', '--out', json);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const data = JSON.parse(await readFile(json, 'utf8')) as { kind: string; comparison: { mapped: boolean; assessments: Array<{ id: string }> } };
    expect(data.kind).toBe('ccat-comparison');
    expect(data.comparison.mapped).toBe(true);
    expect(data.comparison.assessments.map((a) => a.id)).toEqual(['vn-2026-0001', 'vn-2025-0001']);
    const html = join(folder, 'compare.html');
    expect(cli('compare', 'vn-2026-0001', 'ph-2026-0001', '--data-dir', dataDir, '--format', 'html', '--lang', 'ja', '--out', html).status).toBe(0);
    expect(await readFile(html, 'utf8')).toContain('評価の比較');
  }, 60_000);

  it('needs 2 to 8 ids (exit 2) and names an unknown one (exit 1)', async () => {
    const dataDir = await seeded();
    const out = join(await tempDir(), 'c.json');
    const one = cli('compare', 'vn-2026-0001', '--data-dir', dataDir, '--format', 'json', '--out', out);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/"compare" takes at least 2 arguments, got 1/);
    const nine = cli('compare', ...Array.from({ length: 9 }, (_, i) => `id-${i}`), '--data-dir', dataDir, '--format', 'json', '--out', out);
    expect(nine.status).toBe(2);
    expect(nine.stderr).toMatch(/"compare" takes 2 to 8 assessment ids, got 9/);
    const unknown = cli('compare', 'vn-2026-0001', 'no-such-0001', '--data-dir', dataDir, '--format', 'json', '--out', out);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/There is no assessment with id "no-such-0001"/);
  }, 60_000);
});
