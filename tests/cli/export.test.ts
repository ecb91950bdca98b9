import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportOptions, runExport } from '../../cli/commands/export';
import { UsageError } from '../../cli/usage';
import { parseCsv } from '../../core/report/csv';
import { xlsxText } from '../core/report/extract';
import { people, secretOrganisation } from '../core/report/report-fixture';
import { seedDataDir } from '../core/report/seed-store';
import { snapshotTree } from '../core/store/helpers';
import { bundleWorker, startWorker } from '../core/store/worker-process';
import { useTempDirs } from '../core/temp-dir';
import { runCcat } from './ccat';

const tempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

function cli(...args: string[]) {
  return runCcat(args, { timeout: 60_000 });
}

describe('ccat export flags', () => {
  it('reads every flag, with summary-free defaults: full report, English', () => {
    expect(exportOptions({ format: 'pdf', out: 'r.pdf' }, ['abc'])).toMatchObject({ id: 'abc', format: 'pdf', report: 'full', language: 'en', redact: false });
    expect(
      exportOptions({ format: 'docx', report: 'plan', lang: 'ja', 'second-lang': 'en', redact: true, chromium: '/opt/chrome', out: 'r.docx' }, ['abc']),
    ).toMatchObject({ format: 'docx', report: 'plan', language: 'ja', secondLanguage: 'en', redact: true, chromium: '/opt/chrome' });
  });

  it.each([
    [{ out: 'x' }, /--format is required/],
    [{ format: 'rtf', out: 'x' }, /--format must be one of html, pdf, docx, xlsx, csv, json/],
    [{ format: 'html', report: 'annual', out: 'x' }, /--report must be one of summary, full, plan/],
    [{ format: 'html', lang: 'de', out: 'x' }, /--lang must be one of en, ja, vi, id, th, km, fr, ar \(got "de"\)/],
    [{ format: 'html', lang: 'en', 'second-lang': 'en', out: 'x' }, /--second-lang must differ/],
    [{ format: 'html' }, /--out is required/],
    [{ format: 'pdf', chromium: ' ', out: 'x' }, /--chromium needs the path/],
    [{ format: 'csv', report: 'summary', out: 'x' }, /--report applies to html, pdf, docx and xlsx; a CSV export always holds every indicator with its rating and the capability, domain and overall scores/],
    [{ format: 'json', report: 'full', out: 'x' }, /--report applies to html, pdf, docx and xlsx; a JSON export/],
    [{ format: 'html', classification: ' ', out: 'x' }, /--classification needs a preset \(internal, official-use, confidential\) or a text/],
    [{ format: 'html', 'time-zone': 'Mars/Olympus', out: 'x' }, /--time-zone must be an IANA time zone/],
  ])('refuses %j', (values, message) => {
    expect(() => exportOptions(values, ['abc'])).toThrow(UsageError);
    expect(() => exportOptions(values, ['abc'])).toThrow(message);
  });

  it('exits 2 with the usage text on an unknown flag or a bad value', () => {
    const unknown = cli('export', 'abc', '--format', 'html', '--out', 'x.html', '--colour', 'red');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/);
    expect(unknown.stderr).toContain('--second-lang');
    const bad = cli('export', 'abc', '--format', 'odt', '--out', 'x.odt');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of/);
  }, 60_000);
});

describe('ccat export', () => {
  async function exported(format: 'html' | 'csv' | 'xlsx' | 'json', extra: Record<string, unknown> = {}) {
    const dataDir = await tempDir();
    const { id } = await seedDataDir(dataDir);
    const out = join(await tempDir(), `report.${format}`);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await runExport({ 'data-dir': dataDir, format, out, ...extra }, [id]);
    return { code, out, printed: log.mock.calls.map((c) => c.join(' ')).join('\n') };
  }

  it('writes the HTML report durably, re-reads it and says what it verified', async () => {
    const { code, out, printed } = await exported('html', { report: 'summary', lang: 'ja', 'second-lang': 'en' });
    expect(code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<html lang="ja" dir="ltr">');
    expect(html).toContain('サイバー能力評価報告書');
    expect(html).toContain('Cyber capacity assessment report');
    expect(printed).toContain(`Exported ${out}`);
    expect(printed).toMatch(/on disk: +HTML re-read: complete document, title present, no script, CSP set .*; identical to the export \(\d+ bytes\)/);
  });

  it('marks the report with the classification chosen and gives times in the zone asked for', async () => {
    const { code, out } = await exported('html', { classification: 'Restricted — HQ only', 'time-zone': 'Asia/Tokyo' });
    expect(code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('Restricted — HQ only');
    expect(html).toContain('(Asia/Tokyo)');
    expect(html).toContain('DRAFT — not final');
  });

  it('writes a CSV with neutralised formulas', async () => {
    const { out, printed } = await exported('csv');
    const records = parseCsv(await readFile(out, 'utf8'));
    expect(records).toHaveLength(129);
    expect(records.flat().some((f) => f.startsWith("'=HYPERLINK"))).toBe(true);
    expect(printed).toMatch(/CSV re-read: 128 rows/);
  });

  it('writes a redacted XLSX without names', async () => {
    const { out, printed } = await exported('xlsx', { redact: true });
    const text = await xlsxText(new Uint8Array(await readFile(out)));
    for (const name of [...people, secretOrganisation]) expect(text).not.toContain(name);
    expect(printed).toMatch(/XLSX re-read: 7 sheets/);
  });

  it('writes JSON', async () => {
    const { out } = await exported('json');
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ country: 'VN', team: [{ name: people[0] }, { name: people[1] }] });
  });

  it('exports from a read-only snapshot while another process holds the folder, changing no file in it', async () => {
    const dataDir = await tempDir();
    const { id } = await seedDataDir(dataDir);
    const holder = startWorker(await bundleWorker(await tempDir('ccat-worker-')), ['hold', dataDir]);
    try {
      await holder.waitForLine('held');
      const before = await snapshotTree(dataDir);
      const out = join(await tempDir(), 'report.json');
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
      expect(await runExport({ 'data-dir': dataDir, format: 'json', out }, [id])).toBe(0);
      expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ id, country: 'VN' });
      expect(await snapshotTree(dataDir)).toEqual(before);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.closed;
    }
  });
});
