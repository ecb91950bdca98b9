import type { UiLanguage } from '../../locales/languages';
import type { ExportedFile } from '../api/commands';
import type { PortfolioExportFormat } from '../api/exports-vocabulary';
import { CoreError } from '../api/result';
import { domainLabel } from '../framework/summary';
import { countryName } from '../model/countries';
import type { Framework } from '../model/framework';
import { pickText } from '../model/pick-text';
import { fromUtf8, toBase64, utf8 } from '../report/bytes';
import type { Block, Cell, RadarSeriesSpec, ReportDocument, TableBlock } from '../report/document';
import { userText } from '../report/document';
import { safeFileName } from '../report/file-name';
import { fmtDate, fmtDateTime, fmtScore } from '../report/format';
import { createLabels, type Labels, type ReportKey } from '../report/labels';
import { PAGE_MARK, PAGES_MARK, pdfPageSetup } from '../report/page-setup';
import { translationNote } from '../report/translation-note';
import { mediaTypes, pdfHelp } from '../report/render-export';
import { renderHtml } from '../report/render-html';
import type { ExportServices } from '../report/services';
import type { Sheet, SheetColumn, SheetValue } from '../report/sheets';
import { checkExport, checkFigures, describeCheck, type ExportCheck } from '../report/verify';
import { listRegions, regionsData } from './regions';
import type { Comparison, PortfolioQuery, PortfolioView, Ranking, SelectionFactor } from './types';
import { selectionFactors } from './types';

/** What one HQ export shows; the portfolio export carries the ranking as its second sheet. */
export type HqExportData =
  | { view: 'portfolio'; portfolio: PortfolioView; query: PortfolioQuery; ranking: Ranking }
  | { view: 'comparison'; comparison: Comparison }
  | { view: 'ranking'; ranking: Ranking };

export interface HqExportOptions {
  format: PortfolioExportFormat;
  language: UiLanguage;
  /** For domain and capability names: the newest framework version the data refers to. */
  framework: Framework | undefined;
  generatedAt: Date;
  appVersion: string;
}

/** A table as data: the XLSX sheet, and for HTML and PDF one or more narrower tables of its columns. */
interface HqTable {
  sheet: Sheet;
  heading: string;
  /**
   * Per column of the sheet, how documents show it: the document tables it appears in (a page
   * cannot hold every column a spreadsheet can) and whether it holds text people wrote (Column.freeText).
   */
  inDocuments: { parts: readonly number[]; freeText: boolean }[];
}

interface Col {
  header: string;
  type: SheetColumn['type'];
  width: number;
  /** Document tables showing the column; default the first only, [] for the spreadsheet only. */
  parts?: number[];
  /** Titles and device names, which people type (Column.freeText). */
  freeText?: boolean;
}

const MISSING = '—';

function table(name: string, heading: string, columns: readonly Col[], rows: SheetValue[][], after?: SheetValue[][]): HqTable {
  return {
    sheet: { name, columns: columns.map((c) => ({ header: c.header, width: c.width, type: c.type })), rows, ...(after ? { after } : {}) },
    heading,
    inDocuments: columns.map((c) => ({ parts: c.parts ?? [0], freeText: c.freeText === true })),
  };
}

const day = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(`${iso.slice(0, 10)}T00:00:00Z`));

class Words {
  readonly L: Labels;
  private readonly regionNames: Map<string, string>;
  constructor(
    readonly language: UiLanguage,
    readonly framework: Framework | undefined,
  ) {
    this.L = createLabels(language);
    this.regionNames = new Map(listRegions().map((r) => [r.id, pickText(r.name, language)]));
  }
  t(key: ReportKey, options?: Record<string, string | number>): string {
    return this.L.in(this.language, key, options);
  }
  country(code: string): string {
    return countryName(code, this.language);
  }
  regions(ids: readonly string[]): string {
    return ids.map((id) => this.regionNames.get(id) ?? id).join(', ');
  }
  domain(id: string): string {
    const domain = this.framework?.domains.find((d) => d.id === id);
    return domain ? domainLabel(domain, this.language) : id;
  }
  capability(id: string): string {
    const capability = this.framework?.domains.flatMap((d) => d.capabilities).find((c) => c.id === id);
    return capability ? pickText(capability.title, this.language) : id;
  }
  factor(factor: SelectionFactor): string {
    return this.t(`hq.factor.${factor}`);
  }
}

function portfolioTable(w: Words, view: PortfolioView): HqTable {
  const columns: Col[] = [
    { header: w.t('hq.column.country'), type: 'text', width: 18, parts: [0, 1] },
    { header: w.t('hq.column.countryCode'), type: 'text', width: 6, parts: [] },
    { header: w.t('hq.column.regions'), type: 'text', width: 22, parts: [] },
    { header: w.t('hq.column.title'), type: 'text', width: 36, parts: [0, 1], freeText: true },
    { header: w.t('hq.column.mode'), type: 'text', width: 16 },
    { header: w.t('hq.column.status'), type: 'text', width: 10 },
    { header: w.t('hq.column.periodFrom'), type: 'date', width: 12 },
    { header: w.t('hq.column.periodTo'), type: 'date', width: 12, parts: [] },
    { header: w.t('hq.column.year'), type: 'number', width: 7, parts: [] },
    { header: w.t('hq.column.frameworkVersion'), type: 'text', width: 10 },
    { header: w.t('hq.column.rated'), type: 'number', width: 9 },
    { header: w.t('hq.column.total'), type: 'number', width: 9, parts: [] },
    { header: w.t('hq.column.overall'), type: 'score', width: 9, parts: [1] },
    ...view.domainIds.map((id): Col => ({ header: w.domain(id), type: 'score', width: 12, parts: [1] })),
    { header: w.t('hq.column.largestGap'), type: 'text', width: 30, parts: [1] },
    { header: w.t('hq.column.largestGapSize'), type: 'score', width: 9, parts: [] },
    { header: w.t('hq.column.updatedAt'), type: 'datetime', width: 17 },
    { header: w.t('hq.column.signer'), type: 'text', width: 20, freeText: true },
    { header: w.t('hq.column.fingerprint'), type: 'text', width: 42, parts: [] },
    { header: w.t('hq.column.shelf'), type: 'text', width: 12, parts: [] },
    { header: w.t('hq.column.id'), type: 'text', width: 38, parts: [] },
  ];
  const rows = view.rows.map((r): SheetValue[] => [
    w.country(r.country),
    r.country,
    w.regions(r.regions),
    r.title,
    w.L.commonIn(w.language, `mode.${r.mode}`),
    w.L.commonIn(w.language, `status.${r.status}`),
    day(r.period.from),
    day(r.period.to),
    r.year,
    r.frameworkVersion,
    r.coverage?.rated ?? null,
    r.coverage?.total ?? null,
    r.overall,
    ...view.domainIds.map((id) => r.domains[id] ?? null),
    r.gaps[0] ? w.capability(r.gaps[0].capabilityId) : null,
    r.gaps[0]?.gap ?? null,
    new Date(r.updatedAt),
    r.signer?.installation ?? null,
    r.signer?.fingerprint ?? null,
    r.shelf === null ? null : w.t(`hq.shelf.${r.shelf}`),
    r.id,
  ]);
  return table('Portfolio', w.t('hq.portfolioTitle', { count: view.rows.length }), columns, rows);
}

function rankingTable(w: Words, ranking: Ranking): HqTable {
  const columns: Col[] = [
    { header: w.t('hq.column.rank'), type: 'number', width: 6 },
    { header: w.t('hq.column.country'), type: 'text', width: 18 },
    { header: w.t('hq.column.countryCode'), type: 'text', width: 6, parts: [] },
    { header: w.t('hq.column.regions'), type: 'text', width: 22, parts: [] },
    { header: w.t('hq.column.score'), type: 'score', width: 10 },
    ...selectionFactors.flatMap((f): Col[] => [
      { header: w.t('hq.column.value', { factor: w.factor(f) }), type: 'score', width: 14, parts: [] },
      { header: w.t('hq.column.contribution', { factor: w.factor(f) }), type: 'score', width: 14 },
    ]),
    { header: w.t('hq.column.assessment'), type: 'text', width: 30, freeText: true },
  ];
  const rows = ranking.ranked.map((r): SheetValue[] => [
    r.rank,
    w.country(r.country),
    r.country,
    w.regions(r.regions),
    r.score,
    ...selectionFactors.flatMap((f) => {
      const value = r.factors.find((v) => v.factor === f)!;
      return [value.raw, value.contribution];
    }),
    r.assessmentTitle,
  ]);
  // Weights sit under the table, out of its filter: they explain the order, they are not ranked.
  const after: SheetValue[][] = [[], [w.t('hq.column.factor'), w.t('hq.column.weight'), w.t('hq.column.default')], ...selectionFactors.map((f) => [w.factor(f), ranking.weights[f], ranking.defaultWeights[f]])];
  return table('Ranking', w.t('hq.rankingTitle', { count: ranking.ranked.length }), columns, rows, after);
}

function comparisonTables(w: Words, comparison: Comparison): HqTable[] {
  const titles = comparison.assessments.map((a) => `${a.title} (${a.country})`);
  // On a page, scores and differences are two tables: eight assessments would not fit side by side with seven differences.
  const scoreColumns = (): Col[] => [
    ...titles.map((title): Col => ({ header: title, type: 'score', width: 14, freeText: true })),
    ...titles.slice(1).map((title): Col => ({ header: w.t('hq.column.difference', { title }), type: 'score', width: 14, parts: [1], freeText: true })),
    { header: w.t('hq.column.spread'), type: 'score', width: 10 },
  ];
  const figures = (c: Comparison['domains'][number]): SheetValue[] => [...c.scores, ...c.differences.slice(1), c.spread];
  return [
    table('Domains', w.t('hq.chartTitle'), [{ header: w.t('hq.column.domain'), type: 'text', width: 30, parts: [0, 1] }, ...scoreColumns()], comparison.domains.map((d) => [w.domain(d.domainId), ...figures(d)])),
    table(
      'Capabilities',
      w.t('hq.column.capability'),
      [{ header: w.t('hq.column.domain'), type: 'text', width: 24, parts: [0, 1] }, { header: w.t('hq.column.capability'), type: 'text', width: 36, parts: [0, 1] }, ...scoreColumns()],
      comparison.capabilities.map((c) => [w.domain(c.domainId), w.capability(c.capabilityId), ...figures(c)]),
    ),
  ];
}

function cellText(value: SheetValue, type: SheetColumn['type'], language: UiLanguage): string {
  if (value === null || value === '') return MISSING;
  // A page shows the day; the workbook keeps the time.
  if (value instanceof Date) return fmtDate(value.toISOString(), language);
  if (typeof value === 'number') return type === 'score' ? fmtScore(value, language)! : String(value);
  return String(value);
}

function documentTable(t: HqTable, language: UiLanguage, part = 0): TableBlock {
  const shown = t.sheet.columns.map((c, i) => ({ c, i })).filter(({ i }) => t.inDocuments[i]!.parts.includes(part));
  const widthSum = shown.reduce((sum, { c }) => sum + c.width, 0);
  const numeric = (type: SheetColumn['type']) => type === 'score' || type === 'number';
  return {
    kind: 'table',
    columns: shown.map(({ c, i }) => ({ header: userText(c.header), width: Math.round((c.width / widthSum) * 1000) / 10, numeric: numeric(c.type), freeText: t.inDocuments[i]!.freeText })),
    // Every cell is plain text escaped by the renderer; titles and names are the team's own words.
    rows: t.sheet.rows.map((row) => shown.map(({ c, i }): Cell => ({ lines: [{ text: userText(cellText(row[i] ?? null, c.type, language)) }], numeric: numeric(c.type) }))),
    rowHeaders: true,
    sizedByContent: true,
  };
}

const seriesColors = ['#1f4e79', '#c0504d', '#4f8a3c', '#8064a2', '#d08a00', '#2b8a9e', '#7f7f7f', '#a0522d'];
const seriesStyles = ['solid', 'dashed', 'dotted'] as const;

function comparisonChart(w: Words, comparison: Comparison): Block {
  const series: RadarSeriesSpec[] = comparison.assessments.map((a, i) => ({
    label: userText(`${a.title} (${a.country})`),
    values: comparison.domains.map((d) => d.scores[i] ?? null),
    style: seriesStyles[i % seriesStyles.length]!,
    color: seriesColors[i % seriesColors.length]!,
  }));
  return {
    kind: 'chart',
    chart: { title: userText(w.t('hq.chartTitle')), description: userText(w.t('hq.chartDescription')), axes: comparison.domains.map((d) => userText(w.domain(d.domainId))), series },
    fallback: documentTable(comparisonTables(w, comparison)[0]!, w.language),
    fallbackNote: userText(w.t('hq.chartDescription')),
  };
}

function describeQuery(w: Words, query: PortfolioQuery): string {
  const parts = [
    query.search ? `“${query.search}”` : '',
    query.countries?.map((c) => w.country(c)).join(', ') ?? '',
    query.regions ? w.regions(query.regions) : '',
    query.modes?.map((m) => w.L.commonIn(w.language, `mode.${m}`)).join(', ') ?? '',
    query.statuses?.map((s) => w.L.commonIn(w.language, `status.${s}`)).join(', ') ?? '',
    query.frameworkVersions?.join(', ') ?? '',
    query.years?.join(', ') ?? '',
    query.shelf && query.shelf !== 'active' ? (query.shelf === 'all' ? '' : w.t(`hq.shelf.${query.shelf}`)) : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? w.t('hq.noFilters') : w.t('hq.filtersApplied', { filters: parts.join('; ') });
}

function rankingBlocks(w: Words, ranking: Ranking, tableBlock: TableBlock): Block[] {
  const note = pickText(regionsData().selection.note, w.language);
  return [
    { kind: 'heading', level: 2, text: userText(w.t('hq.rankingTitle', { count: ranking.ranked.length })) },
    tableBlock,
    ...(ranking.unranked.length > 0 ? [{ kind: 'paragraph', text: userText(w.t('hq.unranked', { countries: ranking.unranked.map((c) => w.country(c)).join(', ') })), tone: 'muted' } as const] : []),
    { kind: 'heading', level: 3, text: userText(w.t('hq.weightsHeading')) },
    {
      kind: 'facts',
      rows: selectionFactors.map((f) => ({ label: userText(w.factor(f)), value: [{ text: userText(w.t('hq.weightValue', { weight: ranking.weights[f], default: ranking.defaultWeights[f] })) }] })),
    },
    { kind: 'paragraph', text: userText(note) },
    { kind: 'paragraph', text: userText(w.t('hq.scaleNote')), tone: 'muted' },
  ];
}

interface Built {
  title: string;
  tables: HqTable[];
  document: ReportDocument;
}

function build(data: HqExportData, options: HqExportOptions): Built {
  const w = new Words(options.language, options.framework);
  const kicker = w.t(`hq.kind.${data.view}`);
  let title: string;
  let tables: HqTable[];
  let blocks: Block[];
  switch (data.view) {
    case 'portfolio': {
      const portfolio = portfolioTable(w, data.portfolio);
      const ranking = rankingTable(w, data.ranking);
      title = portfolio.heading;
      tables = [portfolio, ranking];
      blocks = [
        { kind: 'paragraph', text: userText(describeQuery(w, data.query)), tone: 'muted' },
        documentTable(portfolio, w.language, 0),
        { kind: 'heading', level: 2, text: userText(w.t('hq.scoresHeading')) },
        documentTable(portfolio, w.language, 1),
        ...rankingBlocks(w, data.ranking, documentTable(ranking, w.language)),
      ];
      break;
    }
    case 'ranking': {
      const ranking = rankingTable(w, data.ranking);
      title = ranking.heading;
      tables = [ranking];
      blocks = rankingBlocks(w, data.ranking, documentTable(ranking, w.language)).slice(1);
      break;
    }
    case 'comparison': {
      const c = data.comparison;
      tables = comparisonTables(w, c);
      title = w.t('hq.comparisonTitle', { count: c.assessments.length });
      const basis = c.mapped
        ? w.t('hq.mappedNote', { version: c.frameworkVersion, compared: c.indicatorsCompared, total: c.indicatorsTotal })
        : w.t('hq.sameVersionNote', { version: c.frameworkVersion, total: c.indicatorsTotal });
      blocks = [
        { kind: 'paragraph', text: userText(basis) },
        comparisonChart(w, c),
        { kind: 'heading', level: 2, text: userText(w.t('hq.chartTitle')) },
        documentTable(tables[0]!, w.language),
        documentTable(tables[0]!, w.language, 1),
        { kind: 'heading', level: 2, text: userText(w.t('hq.column.capability')) },
        documentTable(tables[1]!, w.language),
        { kind: 'heading', level: 3, text: userText(w.t('hq.differenceNote', { title: c.assessments[0]!.title })) },
        documentTable(tables[1]!, w.language, 1),
      ];
      break;
    }
  }
  const document: ReportDocument = {
    languages: [options.language],
    kicker: userText(kicker),
    title,
    documentTitle: `${kicker} · ${title}`,
    // HQ's views span countries: dated in the zone of the computer that exports them, named.
    generated: w.L.t('generatedAt', (l) => ({ date: fmtDateTime(options.generatedAt, l, Intl.DateTimeFormat().resolvedOptions().timeZone), version: options.appVersion })),
    draft: null,
    classification: null,
    pageOf: w.L.t('marking.pageOf', { page: PAGE_MARK, pages: PAGES_MARK }),
    translationNote: translationNote(w.L),
    landscape: true,
    blocks,
  };
  return { title, tables, document };
}

function fileName(data: HqExportData, options: HqExportOptions): string {
  const countries = data.view === 'comparison' ? [...new Set(data.comparison.assessments.map((a) => a.country))].slice(0, 8).join('-') : '';
  const stem = ['ccat', data.view, countries, options.format === 'json' ? '' : options.language, options.generatedAt.toISOString().slice(0, 10)].filter((p) => p !== '');
  return safeFileName(`${stem.join('-')}.${options.format}`);
}

function jsonOf(data: HqExportData, options: HqExportOptions): Uint8Array {
  const { view, ...rest } = data;
  return utf8(`${JSON.stringify({ kind: `ccat-${view}`, generatedAt: options.generatedAt.toISOString(), appVersion: options.appVersion, ...rest }, null, 2)}\n`);
}

function verifyJson(bytes: Uint8Array, view: HqExportData['view']): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(bytes));
  } catch (error) {
    throw new CoreError('INTERNAL', `The JSON export did not pass its check after it was written: it does not parse (${(error as Error).message}).`);
  }
  if ((parsed as { kind?: unknown } | null)?.kind !== `ccat-${view}`) throw new CoreError('INTERNAL', `The JSON export did not pass its check after it was written: it is not a ${view}.`);
  return `JSON re-read: ${view}`;
}

/**
 * HQ's exports through the country reports' engine: the same workbook writer (typed cells,
 * frozen headers, filters, formula-neutralised text), the same HTML renderer (own CSP, no
 * script, everything escaped), PDF printed from that HTML, and the same re-read check.
 */
export async function renderHqExport(data: HqExportData, options: HqExportOptions, services: ExportServices = {}): Promise<ExportedFile> {
  const built = build(data, options);
  let bytes: Uint8Array;
  let verified: string;
  // Figures for the UI to word in its own language; the JSON's own check is a sentence only.
  let check: ExportCheck | undefined;
  const checked = async (format: 'xlsx' | 'html' | 'pdf', expected: Parameters<typeof checkExport>[2]): Promise<[string, ExportCheck]> => {
    const found = await checkExport(bytes, format, expected);
    return [describeCheck(found), checkFigures(found)];
  };
  switch (options.format) {
    case 'json':
      bytes = jsonOf(data, options);
      verified = verifyJson(bytes, data.view);
      break;
    case 'xlsx': {
      // exceljs is large: loaded only for a workbook.
      const { renderSheets } = await import('../report/render-xlsx');
      const sheets = built.tables.map((t) => t.sheet);
      bytes = await renderSheets(sheets, { title: built.document.documentTitle, generatedAt: options.generatedAt, language: options.language });
      [verified, check] = await checked('xlsx', { sheets: sheets.map((s) => s.name) });
      break;
    }
    case 'html':
      bytes = utf8(renderHtml(built.document));
      [verified, check] = await checked('html', { title: built.title });
      break;
    case 'pdf':
      if (!services.printPdf) throw new CoreError('INTERNAL', pdfHelp);
      bytes = await services.printPdf(renderHtml(built.document), pdfPageSetup(built.document));
      [verified, check] = await checked('pdf', {});
      break;
  }
  const text = options.format === 'html' || options.format === 'json';
  return { fileName: fileName(data, options), mediaType: mediaTypes[options.format], encoding: text ? 'utf8' : 'base64', content: text ? fromUtf8(bytes) : toBase64(bytes), verified, ...(check ? { check } : {}) };
}
