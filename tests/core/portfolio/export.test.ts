import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bytesOf } from '../report/extract';
import { failure, ok, useCores } from '../api/core-harness';
import { hostileTitle, hqAssessments, seedPortfolio } from './seed';

const { core, tempDir } = useCores();

async function seeded() {
  const dataDir = await tempDir();
  await seedPortfolio(dataDir, hqAssessments());
  return core(dataDir);
}

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe('HQ exports', () => {
  it('the portfolio workbook: a sheet per view, frozen headers, filters, typed cells and neutralised text', async () => {
    const api = await seeded();
    const file = await ok(api, 'exportPortfolio', { format: 'xlsx', language: 'en', weights: { networkNode: 5 } });
    expect(file.fileName).toBe('ccat-portfolio-en-2026-03-05.xlsx');
    expect(file.verified).toMatch(/^XLSX re-read: 2 sheets \(Portfolio 6 rows, Ranking \d+ rows\)/);
    // The same check as figures, which the UI words in its own language.
    expect(file.check).toMatchObject({ format: 'xlsx', sheets: 2 });
    const book = await workbook(bytesOf(file));
    const [portfolio, ranking] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Portfolio', 'Ranking']);
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
    }
    const columns = headers(portfolio);
    expect(columns.slice(0, 4)).toEqual(['Country', 'Code', 'Regions', 'Title']);
    const col = (name: string) => columns.indexOf(name) + 1;
    const kenya = portfolio.getRow(3);
    expect(kenya.getCell(col('Code')).value).toBe('KE');
    // A title that would be a formula is kept as text.
    expect(kenya.getCell(col('Title')).value).toBe(`'${hostileTitle}`);
    expect(kenya.getCell(col('Period from')).value).toEqual(new Date('2026-02-01T00:00:00Z'));
    const philippines = portfolio.getRow(4);
    expect(philippines.getCell(col('Indicators rated')).value).toBe(2);
    expect(philippines.getCell(col('Signed by')).value).toBe('Manila laptop');
    expect(philippines.getCell(col('Largest gap')).value).toBe('National, government and sector CSIRTs');
    expect(philippines.getCell(col('Largest gap (levels)')).value).toBe(1);
    expect(philippines.getCell(col('Last change')).value).toEqual(new Date('2026-03-02T09:00:00.000Z'));

    expect(headers(ranking).slice(0, 3)).toEqual(['Rank', 'Country', 'Code']);
    // With the network node weighted 5, the Philippines (node 3 of 3) leads Viet Nam (2 of 3).
    expect([ranking.getRow(2).getCell(3).value, ranking.getRow(3).getCell(3).value]).toEqual(['PH', 'VN']);
    expect(ranking.getRow(2).getCell(1).value).toBe(1);
    // The weights used and their defaults, under the table.
    const texts: string[] = [];
    ranking.eachRow((row) => texts.push((row.values as unknown[]).slice(1).join('|')));
    expect(texts).toContain('Network-node importance|5|1');
  });

  it('a comparison in HTML: the report engine’s CSP, no script, escaped titles, an overlaid radar and the difference table', async () => {
    const api = await seeded();
    const file = await ok(api, 'exportComparison', { format: 'html', language: 'ja', ids: ['vn-2026-0001', 'ke-2026-0001'] });
    expect(file.verified).toMatch(/^HTML re-read: complete document, title present, no script, CSP set/);
    const html = file.content;
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('評価の比較');
    expect(html).toContain('<svg');
    expect(html).toContain('1件目との差');
  });

  it('a portfolio in HTML prints landscape, sizes its tables by content and lets only titles and device names break anywhere', async () => {
    const api = await seeded();
    const html = (await ok(api, 'exportPortfolio', { format: 'html', language: 'en' })).content;
    expect(html).toContain('@page{size:A4 landscape}');
    expect(html).not.toContain('<colgroup>');
    expect(html.match(/<table class="sized-by-content">/g)).toHaveLength(3);
    const freeHeaders = [...html.matchAll(/<th scope="col"[^>]*class="free"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(freeHeaders).toEqual(['Title', 'Signed by', 'Title', 'From assessment']);
    expect(html).toMatch(/<td class="free"><div class="line"><span class="u" dir="auto">Manila laptop<\/span>/);
  });

  it('JSON is the data with its kind; a ranking in Japanese names the factors, and explains the selection in Japanese or French', async () => {
    const api = await seeded();
    const json = await ok(api, 'exportRanking', { format: 'json', language: 'en' });
    const data = JSON.parse(json.content) as { kind: string; ranking: { ranked: Array<{ country: string }> } };
    expect(data.kind).toBe('ccat-ranking');
    expect(data.ranking.ranked.map((r) => r.country)).toEqual(['VN', 'PH']);
    const html = await ok(api, 'exportRanking', { format: 'html', language: 'ja' });
    expect(html.content).toContain('日本企業の活動状況');
    expect(html.content).toContain('重複支援を避けるため');
    const french = await ok(api, 'exportRanking', { format: 'html', language: 'fr' });
    expect(french.content).toContain('Sélection des pays (Politique de base de 2021)');
    expect(french.content).not.toContain('Country selection');
    const comparison = await ok(api, 'exportComparison', { format: 'xlsx', language: 'en', ids: ['vn-2026-0001', 'vn-2025-0001'] });
    expect((await workbook(bytesOf(comparison))).worksheets.map((ws) => ws.name)).toEqual(['Domains', 'Capabilities']);
  });

  it('an empty data folder still exports a portfolio: headers, no rows, the weights', async () => {
    const api = await core();
    const file = await ok(api, 'exportPortfolio', { format: 'xlsx', language: 'ja' });
    expect(file.verified).toMatch(/^XLSX re-read: 2 sheets \(Portfolio 1 rows, Ranking 7 rows\)/);
    const html = await ok(api, 'exportPortfolio', { format: 'html', language: 'en' });
    expect(html.content).toContain('Assessments in the portfolio: 0');
  });

  it('PDF without a browser engine says how to get one', async () => {
    const api = await seeded();
    expect((await failure(api, 'exportRanking', { format: 'pdf', language: 'en' })).message).toMatch(/PDF export needs Chromium/);
  });
});
