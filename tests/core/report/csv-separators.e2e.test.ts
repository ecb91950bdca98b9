import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { indicatorPlaces } from '../../../core/framework/summary';
import type { Assessment } from '../../../core/model/assessment';
import { renderExport } from '../../../core/report/render-export';
import { response, shippedFramework } from '../fixtures';
import { bytesOf } from './extract';
import { exportInput, fieldAssessment } from './report-fixture';

const soffice = [process.env.CCAT_SOFFICE, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p): p is string => !!p && existsSync(p));
if (!soffice) console.log('CSV separator tests skipped: no soffice found (set CCAT_SOFFICE, or apt-get install libreoffice-calc).');

/**
 * Text that becomes a live formula when a spreadsheet splits the comma-separated file on another
 * separator (French, Spanish, German and Portuguese settings use `;`) or on a line break that the
 * comma-quoting no longer protects.
 */
const hostile = [
  'x;+cmd|"/c calc"!A1',
  'x;=1+1',
  'x,=2+2',
  'x\t@SUM(1;2)',
  'x;-3+3',
  'x;"=4+4"',
  'x; ;=5+5',
  'x\n=6+6',
  'x\r\n+7+7',
  'x\r-8+8',
  '"=9+9";y',
  '=10+10',
  'x;;\t;=11+11',
  'x; =13+13',
  'x;\0=14',
] as const;

const framework = shippedFramework('1.0.0');
const places = indicatorPlaces(framework);

function hostileAssessment(): Assessment {
  const base = fieldAssessment(framework);
  const responses = { ...base.responses };
  hostile.forEach((note, i) => {
    responses[places[i]!.indicator.id] = response({ kind: 'level', level: 2 }, { notes: note });
  });
  responses[places[hostile.length]!.indicator.id] = response({ kind: 'notApplicable', reason: 'n/a;=12+12' });
  return { ...base, responses };
}

const folder = mkdtempSync(join(tmpdir(), 'ccat-csv-separators-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Imports the CSV the way a user's Calc would with `separator`, saves it as XLSX and returns every cell. */
async function importAs(csvPath: string, separator: number, name: string): Promise<ExcelJS.Cell[]> {
  const outdir = join(folder, name);
  const profile = pathToFileURL(join(folder, 'profile')).href;
  // Filter options: separator, text delimiter `"`, UTF-8 (76), from line 1.
  const result = spawnSync(
    soffice!,
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', `--infilter=CSV:${separator},34,76,1`, '--convert-to', 'xlsx', '--outdir', outdir, csvPath],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  const [xlsx] = readdirSync(outdir);
  expect(xlsx, result.stdout).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(outdir, xlsx!));
  const cells: ExcelJS.Cell[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
}

describe.skipIf(!soffice)('the CSV export opened with any separator', () => {
  it.each([
    ['comma', 44],
    ['semicolon', 59],
    ['tab', 9],
  ] as const)('has no formula cell when split on %s', async (name, separator) => {
    const file = await renderExport(exportInput('csv', 'full', { assessment: hostileAssessment() }));
    const csvPath = join(folder, `${name}.csv`);
    writeFileSync(csvPath, bytesOf(file));
    const cells = await importAs(csvPath, separator, name);
    // The import really happened: the hostile text is there, as text.
    expect(cells.some((cell) => String(cell.value).includes('cmd|'))).toBe(true);
    const formulas = cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined).map((cell) => `${cell.address}: ${cell.formula}`);
    expect(formulas).toEqual([]);
  });
});
