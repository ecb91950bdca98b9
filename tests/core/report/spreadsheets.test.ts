import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { indicatorPlaces } from '../../../core/framework/summary';
import type { Assessment } from '../../../core/model/assessment';
import { fromBase64 } from '../../../core/report/bytes';
import { BOM, parseCsv } from '../../../core/report/csv';
import { neutralise, neutraliseCsvText } from '../../../core/report/neutralise';
import { renderExport, workbookSheetNames } from '../../../core/report/render-export';
import { response, shippedFramework } from '../fixtures';
import { exportInput, fieldAssessment, formulaNotes } from './report-fixture';

const framework = shippedFramework('1.0.0');
const places = indicatorPlaces(framework);
const dangerous = /^[=+\-@\t\r\0]/;

/** The field assessment with formula-like text in every kind of text cell a spreadsheet export writes. */
function formulaAssessment(): Assessment {
  const base = fieldAssessment(framework);
  const responses = { ...base.responses };
  formulaNotes.forEach((note, i) => {
    const id = places[10 + i]!.indicator.id;
    responses[id] = response({ kind: 'level', level: 2 }, { notes: note, confidence: 'low' });
  });
  responses[places[20]!.indicator.id] = response({ kind: 'notApplicable', reason: '-no sector' });
  return {
    ...base,
    responses,
    sessions: base.sessions.map((s, i) => (i === 0 ? { ...s, organisations: '=cmd|"/c calc"!A1', title: '+title' } : s)),
    plan: { ...base.plan, customActions: base.plan.customActions.map((a) => ({ ...a, title: '@SUM(1,2)', owner: '=owner', note: '-note' })) },
  };
}

describe('formula neutralisation', () => {
  it('prefixes text that a spreadsheet would evaluate, and leaves other text alone', () => {
    for (const text of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', '\0x']) expect(neutralise(text)).toBe(`'${text}`);
    for (const text of ['1+1', 'Level 3', ' =1', "'quoted", '', 'ﾠ=1']) expect(neutralise(text)).toBe(text);
  });

  it('in CSV text, also prefixes every piece another separator or a line break would split off', () => {
    expect(neutraliseCsvText('x;+cmd|"/c calc"!A1')).toBe(`x;'+cmd|"/c calc"!A1`);
    expect(neutraliseCsvText('a,=1;-2\t@3\r+4\n=5')).toBe(`a,'=1;'-2\t'@3\r'+4\n'=5`);
    expect(neutraliseCsvText('x;"=1";""-2')).toBe(`x;'"=1";'""-2`);
    expect(neutraliseCsvText('\t=1')).toBe(`'\t'=1`);
    for (const text of ['a; b', 'x; =1', '1-2, 3+4', 'e-mail@example.org']) expect(neutraliseCsvText(text)).toBe(text);
  });
});

describe('the CSV of indicator ratings', () => {
  it('is RFC 4180 with a BOM, one row per indicator, numbers as numbers and formulas neutralised', async () => {
    const file = await renderExport(exportInput('csv', 'full', { assessment: formulaAssessment() }));
    expect(file.mediaType).toMatch(/^text\/csv/);
    expect(file.content.startsWith(BOM)).toBe(true);
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(file.verified).toMatch(/^CSV re-read: 105 rows of 14 columns/);
    const records = parseCsv(file.content);
    expect(records[0]).toEqual(['number', 'id', 'domain', 'capability', 'question', 'rating', 'level', 'confidence', 'notes', 'flagged', 'reason', 'capability_score', 'domain_score', 'overall_score']);
    expect(records).toHaveLength(places.length + 1);
    for (const record of records) for (const field of record) expect(field).not.toMatch(dangerous);
    const byId = new Map(records.slice(1).map((r) => [r[1], r]));
    formulaNotes.forEach((note, i) => {
      const record = byId.get(places[10 + i]!.indicator.id)!;
      expect(record[8]).toBe(`'${note}`);
      expect(record[6]).toBe('2');
    });
    expect(byId.get(places[20]!.indicator.id)![10]).toBe("'-no sector");
    // Levels are written bare (a number to Excel), never quoted or prefixed; every text is quoted.
    expect(file.content).toMatch(/,2,"Low",/);
    // Notes with quotes, commas and line breaks survive the round trip.
    expect(byId.get(places[1]!.indicator.id)![8]).toContain('\nA second paragraph');
  });

  it('carries the capability, domain and overall scores on every row, as the reports round them', async () => {
    const input = exportInput('csv', 'full');
    const records = parseCsv((await renderExport(input)).content);
    const [header, first] = records;
    const column = (name: string) => first![header!.indexOf(name)];
    const domain = input.scores.domains[0]!;
    expect(column('capability_score')).toBe(String(Math.round(domain.capabilities[0]!.mean! * 100) / 100));
    expect(column('domain_score')).toBe(String(Math.round(domain.mean! * 100) / 100));
    // Every domain is scored in the field fixture, so the overall score (mean of domain scores) exists.
    expect(column('overall_score')).toBe(String(Math.round(input.scores.overallMean! * 100) / 100));
    expect(new Set(records.slice(1).map((r) => r[header!.indexOf('overall_score')]))).toEqual(new Set([column('overall_score')]));
  });

  it('leaves the overall score empty while a domain has no score', async () => {
    const responses: Assessment['responses'] = { [places[0]!.indicator.id]: response({ kind: 'level', level: 3 }) };
    const sparse = parseCsv((await renderExport(exportInput('csv', 'full', { assessment: { ...fieldAssessment(framework), responses } }))).content);
    const at = sparse[0]!.indexOf('overall_score');
    expect(sparse.slice(1).every((r) => r[at] === '')).toBe(true);
    expect(sparse[1]![sparse[0]!.indexOf('capability_score')]).toBe('3');
  });

  it('adds second-language columns to a bilingual export', async () => {
    const file = await renderExport(exportInput('csv', 'full', { language: 'ja', secondLanguage: 'en' }));
    const [header, first] = parseCsv(file.content);
    expect(header!.slice(-4)).toEqual(['domain_en', 'capability_en', 'question_en', 'rating_en']);
    expect(first![4]).toBe(places[0]!.indicator.question.ja);
    expect(first!.at(-2)).toBe(places[0]!.indicator.question.en);
  });
});

describe('the XLSX workbook', () => {
  async function workbook(assessment = formulaAssessment(), options: Parameters<typeof exportInput>[2] = {}) {
    const file = await renderExport(exportInput('xlsx', 'full', { ...options, assessment, baseline: true }));
    expect(file.encoding).toBe('base64');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fromBase64(file.content) as unknown as Parameters<typeof book.xlsx.load>[0]);
    return { book, file };
  }

  it('has the seven sheets, each with a frozen, filtered header row and set widths', async () => {
    const { book, file } = await workbook();
    expect(book.worksheets.map((ws) => ws.name)).toEqual([...workbookSheetNames]);
    expect(file.verified).toMatch(/^XLSX re-read: 7 sheets/);
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.columns.every((c) => (c.width ?? 0) >= 6)).toBe(true);
    }
    expect(book.getWorksheet('Indicators')!.rowCount).toBe(places.length + 1);
  });

  it('neutralises every text cell that starts like a formula, in every sheet', async () => {
    const { book } = await workbook();
    const texts: string[] = [];
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      );
    }
    expect(texts.filter((t) => dangerous.test(t))).toEqual([]);
    // XML turns a lone CR into LF on reading; what matters is the apostrophe in front of it.
    const lf = (text: string) => text.replace(/\r\n?/g, '\n');
    for (const note of formulaNotes) expect(texts.map(lf)).toContain(lf(`'${note}`));
    for (const expected of ["'=cmd|\"/c calc\"!A1", "'+title", "'@SUM(1,2)", "'=owner", "'-note", "'-no sector"]) expect(texts).toContain(expected);
  });

  it('writes a formula-like title and team member on the Summary sheet as text with an apostrophe, never as a formula', async () => {
    const title = '=HYPERLINK("http://x","y")';
    const base = fieldAssessment(framework, { title });
    const { book } = await workbook({ ...base, team: [{ name: '@SUM(1,2)', role: '' }, ...base.team.slice(1)] });
    const facts = new Map<string, ExcelJS.Cell>();
    book.getWorksheet('Summary')!.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string') facts.set(label, row.getCell(2));
    });
    const titleCell = facts.get('Title')!;
    expect(titleCell.type).toBe(ExcelJS.ValueType.String);
    expect(titleCell.value).toBe(`'${title}`);
    expect(facts.get('Team')!.value).toMatch(/^'@SUM\(1,2\); /);
  });

  it('is signed by CCAT with the title and time of the export, filters exactly the table on each sheet, and formats dates and times', async () => {
    const input = exportInput('xlsx', 'full');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fromBase64((await renderExport(input)).content) as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect([book.creator, book.title, book.created, book.modified]).toEqual(['CCAT', input.assessment.title, input.generatedAt, input.generatedAt]);
    const capabilities = framework.domains.flatMap((d) => d.capabilities).length;
    const tableRows = { Summary: framework.domains.length + 1, Indicators: places.length, Capabilities: capabilities, Plan: input.plan.recommendations.length, Sessions: 2, Crosswalk: places.length };
    for (const [name, rows] of Object.entries(tableRows)) {
      const ws = book.getWorksheet(name)!;
      const lastColumn = ws.getRow(1).getCell(ws.getRow(1).cellCount).address.replace(/\d+$/, '');
      expect(ws.autoFilter, name).toBe(`A1:${lastColumn}${rows + 1}`);
      expect(ws.getRow(1).getCell(1).fill, name).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4EAF1' } });
      expect(ws.getRow(1).getCell(1).alignment, name).toEqual({ vertical: 'top', wrapText: true });
      expect(ws.getRow(2).getCell(1).alignment?.vertical, name).toBe('top');
    }
    const indicators = book.getWorksheet('Indicators')!;
    const header = (indicators.getRow(1).values as unknown[]).map(String);
    expect(indicators.getRow(2).getCell(header.findIndex((h) => h?.startsWith('Updated at'))).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(indicators.getRow(2).getCell(header.indexOf('Evidence and notes')).alignment?.wrapText).toBe(true);
    expect(indicators.getRow(2).getCell(header.indexOf('Level')).alignment?.wrapText ?? false).toBe(false);
    expect(book.getWorksheet('Sessions')!.getRow(2).getCell(1).numFmt).toBe('yyyy-mm-dd');
    // The facts below the Summary table: the period's dates as dates, the text as plain text.
    const facts = new Map<string, ExcelJS.Cell>();
    book.getWorksheet('Summary')!.eachRow((row) => {
      if (typeof row.getCell(1).value === 'string') facts.set(row.getCell(1).value as string, row.getCell(2));
    });
    expect(facts.get('Assessment period')).toMatchObject({ value: new Date('2026-03-02T00:00:00Z'), numFmt: 'yyyy-mm-dd' });
    expect(facts.get('Title')!.numFmt).toBeUndefined();
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(fromBase64((await renderExport(exportInput('xlsx', 'full', { assessment: { ...fieldAssessment(framework), sessions: [] } }))).content) as unknown as Parameters<typeof empty.xlsx.load>[0]);
    expect(empty.getWorksheet('Sessions')!.autoFilter).toBe('A1:G1');
  });

  it('keeps numbers as numbers, dates as dates and flags as booleans', async () => {
    const { book } = await workbook();
    const indicators = book.getWorksheet('Indicators')!;
    const header = (indicators.getRow(1).values as unknown[]).map(String);
    const column = (name: string) => header.indexOf(name);
    const row = indicators.getRow(2);
    expect(row.getCell(column('Level')).value).toBe(2);
    // 09:00 UTC is 16:00 in Viet Nam: the cell shows the team's clock, and the header names the zone.
    expect(header).toContain('Updated at (Asia/Saigon)');
    expect(row.getCell(column('Updated at (Asia/Saigon)')).value).toEqual(new Date('2026-03-02T16:00:00.000Z'));
    expect(row.getCell(column('Flagged')).value).toBe(false);
    const sessions = book.getWorksheet('Sessions')!;
    expect(sessions.getRow(2).getCell(1).value).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(sessions.getRow(2).getCell(3).value).toBe(6);
    const summary = book.getWorksheet('Summary')!;
    const scores = summary.getRow(2).values as unknown[];
    expect(scores.filter((v) => typeof v === 'number').length).toBeGreaterThan(8);
    expect(summary.getRow(2).getCell(4).numFmt).toBe('0.00');
  });

  it('writes framework texts in both languages side by side in a bilingual workbook', async () => {
    const { book } = await workbook(fieldAssessment(framework), { language: 'en', secondLanguage: 'ja' });
    const indicators = book.getWorksheet('Indicators')!;
    const header = (indicators.getRow(1).values as unknown[]).map(String);
    expect(header).toContain('Question (en)');
    expect(header).toContain('設問 (ja)');
    const row = indicators.getRow(2);
    expect(row.getCell(header.indexOf('Question (en)')).value).toBe(places[0]!.indicator.question.en);
    expect(row.getCell(header.indexOf('設問 (ja)')).value).toBe(places[0]!.indicator.question.ja);
  });
});
