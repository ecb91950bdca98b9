import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { chartSvg } from './chart-svg';
import { textDirection, type UiLanguage } from '../../locales/languages';
import type { Block, Cell, Line, ReportDocument, TableBlock, Txt } from './document';
import { documentDirection, flat, isMixedDirection, isShortPair, userText } from './document';
import { contentColumnWidths } from './docx-column-widths';
import { languageScript, type Script } from './fonts';
import { PAGE_MARK, PAGES_MARK } from './page-setup';
import type { SvgRasterizer } from './services';

// A4 in twentieths of a point, with 18 mm margins.
const page = { width: 11906, height: 16838, margin: 1020 };
const contentWidth = page.width - 2 * page.margin;
const muted = '4A4A4A';
const accent = '1F4E79';

/** Pixel width the chart is rasterised at, and the width it is shown at in the document (96 px to the inch). */
const chartPixels = 1000;
const chartShownWidth = 520;

/**
 * Fonts named per script, in the slot Word and LibreOffice read for it: Latin text (Vietnamese
 * included) in ascii/hAnsi, Japanese in eastAsia, and Thai, Khmer and Arabic, which Word treats
 * as complex scripts, in cs. All are fonts Windows ships (Calibri, Yu Gothic, Leelawadee UI,
 * Khmer UI, Arial, which has Arabic); LibreOffice substitutes a face with the script where one is
 * missing. The w:lang tags tell both which language each run is (spelling, line breaking).
 */
const latinFont = 'Calibri';
const japaneseFont = 'Yu Gothic';
const complexScripts: Partial<Record<Script, { font: string; language: UiLanguage }>> = {
  thai: { font: 'Leelawadee UI', language: 'th' },
  khmer: { font: 'Khmer UI', language: 'km' },
  arabic: { font: 'Arial', language: 'ar' },
};
const languageTags: Record<UiLanguage, string> = { en: 'en-GB', fr: 'fr-FR', id: 'id-ID', vi: 'vi-VN', ja: 'ja-JP', th: 'th-TH', km: 'km-KH', ar: 'ar-SA' };

const scriptPatterns: ReadonlyArray<[Script, RegExp]> = [
  ['arabic', /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/],
  ['thai', /[\u0E00-\u0E7F]/],
  ['khmer', /[\u1780-\u17FF\u19E0-\u19FF]/],
  ['japanese', /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/],
];

/** A person's text has no language of its own: its script is what it is written in. */
function scriptOfText(text: string): Script {
  return scriptPatterns.find(([, pattern]) => pattern.test(text))?.[0] ?? 'latin';
}

/** Its first letter decides a person's text's direction, as dir="auto" does in the HTML. */
function startsRightToLeft(text: string): boolean {
  return /^\P{L}*[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(text);
}

/** The font and language a run needs for its script; Arabic runs read right to left unless `rtl` says otherwise. */
function scriptRun(script: Script, language: UiLanguage | undefined, rtl = script === 'arabic'): IRunOptions {
  const complex = complexScripts[script];
  if (complex) {
    return {
      font: { ascii: latinFont, hAnsi: latinFont, cs: complex.font },
      language: { bidirectional: languageTags[language ?? complex.language] },
      ...(rtl ? { rightToLeft: true } : {}),
    };
  }
  if (script === 'japanese') return { font: { eastAsia: japaneseFont, hint: 'eastAsia' }, language: { eastAsia: 'ja-JP' } };
  return language && language !== 'en' ? { language: { value: languageTags[language] } } : {};
}

type RunStyle = Pick<IRunOptions, 'bold' | 'color' | 'size'>;

/** Left-to-right marks around figures and ids in right-to-left text, so "2.50 → 3" does not turn round. */
const LRM = '\u200E';

/**
 * Runs for one text, each part in its language's font; a second-language part goes on its own
 * line, in grey. `languages` names the language of each part (the document's, or one part's when
 * a bilingual text is split into paragraphs of different directions).
 */
function runs(doc: ReportDocument, text: Txt, style: RunStyle = {}, inline = false, languages: readonly UiLanguage[] = doc.languages): TextRun[] {
  const rtl = documentDirection(doc) === 'rtl';
  return text.parts.flatMap((part, i) => {
    const language = text.user ? undefined : languages[i];
    const script = language ? languageScript(language) : scriptOfText(part);
    const base: IRunOptions = { ...style, ...(i > 0 && !inline ? { color: muted } : {}), ...scriptRun(script, language, language ? script === 'arabic' : startsRightToLeft(part)) };
    const shown = text.neutral && rtl ? `${LRM}${part}${LRM}` : part;
    const lines = shown.split(/\r\n|\r|\n/);
    const prefix = i === 0 ? [] : inline ? [new TextRun({ ...base, text: ' / ' })] : [new TextRun({ ...base, break: 1 })];
    return [...prefix, ...lines.map((l, n) => new TextRun({ ...base, text: l, ...(n > 0 ? { break: 1 } : {}) }))];
  });
}

type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'bidirectional'>;

/**
 * A text as paragraphs: one, in the document's direction (a person's text in its own), or, in a
 * bilingual report of a left-to-right and a right-to-left language, one per language, each with
 * its own direction, since a paragraph has only one.
 */
function paragraphs(doc: ReportDocument, text: Txt, style: RunStyle = {}, inline = false, options: ParagraphOptions = {}): Paragraph[] {
  if (!text.user && !inline && text.parts.length > 1 && isMixedDirection(doc)) {
    return text.parts.map(
      (part, i) =>
        new Paragraph({ ...options, bidirectional: textDirection(doc.languages[i]!) === 'rtl', children: runs(doc, { parts: [part] }, i > 0 ? { ...style, color: muted } : style, false, [doc.languages[i]!]) }),
    );
  }
  const rtl = text.user ? startsRightToLeft(text.parts[0] ?? '') : documentDirection(doc) === 'rtl';
  return [new Paragraph({ ...options, ...(rtl ? { bidirectional: true } : {}), children: runs(doc, text, style, inline) })];
}

/** Short pairs go on one line only where the column is wide (the facts table); narrow table columns stack. */
// Table text is a point smaller than body text so that A4 columns hold whole words.
function lineParagraphs(doc: ReportDocument, line: Line, numeric = false, wide = false): Paragraph[] {
  const style: RunStyle = line.tone === 'muted' ? { color: muted, size: 15 } : line.tone === 'strong' ? { bold: true, size: 17 } : { size: 17 };
  // Figures line up at the end of the line, as in the HTML: the right in a left-to-right report, the left in a right-to-left one.
  const end = documentDirection(doc) === 'rtl' ? AlignmentType.LEFT : AlignmentType.RIGHT;
  return paragraphs(doc, line.text, style, wide && isShortPair(line.text), { ...(numeric ? { alignment: end } : {}), spacing: { after: 20 } });
}

/** Table text is 8.5 pt (17 half-points): an em of it in twips. */
const tableTextTwips = 170;
const cellMargin = { top: 30, bottom: 30, left: 60, right: 60 };

function tableCell(doc: ReportDocument, cell: Cell, width: number, header = false, wide = false): TableCell {
  const lines = cell.lines.length ? cell.lines.flatMap((l) => lineParagraphs(doc, l, cell.numeric, wide)) : [new Paragraph({})];
  return new TableCell({
    children: lines,
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E4EAF1', color: 'auto' } } : {}),
  });
}

function table(doc: ReportDocument, block: TableBlock, withHeader = true, wide = false): Table {
  const widths = block.sizedByContent
    ? contentColumnWidths(block, contentWidth, tableTextTwips, cellMargin.left + cellMargin.right)
    : block.columns.map((c) => Math.round((contentWidth * c.width) / 100));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      tableCell(doc, { lines: [{ text: c.header, tone: 'strong' }], ...(c.numeric ? { numeric: true } : {}) }, widths[i]!, true),
    ),
  });
  const rows = block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => tableCell(doc, c, widths[i]!, i === 0 && block.rowHeaders === true, wide)) }));
  return new Table({
    rows: withHeader ? [header, ...rows] : rows,
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    margins: cellMargin,
    // A right-to-left report's tables start at the right, like its text.
    ...(documentDirection(doc) === 'rtl' ? { visuallyRightToLeft: true } : {}),
  });
}

function svgHeight(svg: string, width: number): number {
  const match = /height="(\d+)"/.exec(svg);
  return match ? Math.round((Number(match[1]) * chartShownWidth) / width) : chartShownWidth;
}

async function blockElements(doc: ReportDocument, block: Block, rasterize: SvgRasterizer | undefined): Promise<Array<Paragraph | Table>> {
  switch (block.kind) {
    case 'heading':
      return paragraphs(doc, block.text, {}, true, { heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true });
    case 'paragraph':
      return paragraphs(doc, block.text, block.tone === 'muted' ? { color: muted } : {}, isShortPair(block.text), { spacing: { after: 120 } });
    case 'list':
      return block.items.flatMap((item) => paragraphs(doc, item, {}, false, { bullet: { level: 0 }, spacing: { after: 60 } }));
    case 'facts':
      return [
        table(doc, {
          kind: 'table',
          rowHeaders: true,
          columns: [
            { header: { parts: [''] }, width: 28 },
            { header: { parts: [''] }, width: 72 },
          ],
          rows: block.rows.map((r) => [{ lines: [{ text: r.label, tone: 'strong' }] }, { lines: r.value }]),
        }, false, true),
        new Paragraph({}),
      ];
    case 'table':
      return [table(doc, block), new Paragraph({})];
    case 'chart': {
      const caption = paragraphs(doc, block.chart.title, { bold: true }, false, { keepNext: true, spacing: { before: 120, after: 60 } });
      if (!rasterize) {
        return [...caption, ...paragraphs(doc, block.fallbackNote, { color: muted }), table(doc, block.fallback), new Paragraph({})];
      }
      const svg = chartSvg(block.chart, doc, chartPixels);
      const png = await rasterize(svg);
      return [
        ...caption,
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: chartShownWidth, height: svgHeight(svg, chartPixels) },
              altText: { name: 'radar', title: block.chart.title.parts.join(' / '), description: block.chart.description.parts.join(' | ') },
            }),
          ],
        }),
      ];
    }
  }
}

/** "Page <n> of <m>" with Word's page fields where the label has the marks (the same label as the PDF footer). */
function pageOfRuns(label: string): Array<string | (typeof PageNumber)[keyof typeof PageNumber]> {
  return label
    .split(new RegExp(`(${PAGES_MARK}|${PAGE_MARK})`))
    .filter((part) => part !== '')
    .map((part) => (part === PAGE_MARK ? PageNumber.CURRENT : part === PAGES_MARK ? PageNumber.TOTAL_PAGES : part));
}

/**
 * The report as a Word document: real headings, tables with repeating header rows, the radar as
 * a PNG when the shell can rasterise SVG (a table of its numbers otherwise, and the reader is told).
 */
export async function renderDocx(doc: ReportDocument, rasterize?: SvgRasterizer): Promise<Uint8Array> {
  const body: Array<Paragraph | Table> = [];
  for (const block of doc.blocks) body.push(...(await blockElements(doc, block, rasterize)));
  const rtl = documentDirection(doc) === 'rtl';
  const complex = doc.languages.map((l) => complexScripts[languageScript(l)]).find((c) => c !== undefined) ?? complexScripts.arabic!;
  const latin = doc.languages.find((l) => languageScript(l) === 'latin') ?? 'en';
  // Page furniture joins the languages into one line: it takes the first language's font and direction.
  const furniture = scriptRun(languageScript(doc.languages[0]!), doc.languages[0]);
  const document = new Document({
    creator: 'CCAT',
    title: doc.documentTitle,
    description: doc.generated.parts.join(' / '),
    styles: {
      default: {
        document: {
          run: {
            size: 20,
            font: { ascii: latinFont, hAnsi: latinFont, eastAsia: japaneseFont, cs: complex.font },
            // w:val is the language of Latin-script text, w:eastAsia that of Japanese and w:bidi that of complex-script
            // text, whatever the report's first language; marking Latin text as Japanese makes LibreOffice break English words mid-word.
            language: { value: languageTags[latin], eastAsia: 'ja-JP', bidirectional: languageTags[complex.language] },
          },
        },
        title: { run: { size: 36, bold: true, color: '111111' } },
        heading1: { run: { size: 28, bold: true, color: accent }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading2: { run: { size: 23, bold: true, color: '111111' }, paragraph: { spacing: { before: 220, after: 80 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: page.width, height: page.height }, margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: rtl ? AlignmentType.LEFT : AlignmentType.RIGHT,
                ...(rtl ? { bidirectional: true } : {}),
                children: [
                  ...(doc.classification ? [new TextRun({ ...furniture, bold: true, size: 16, text: flat(doc.classification) })] : []),
                  ...(doc.classification && doc.draft ? [new TextRun({ size: 16, text: '   ' })] : []),
                  ...(doc.draft ? [new TextRun({ ...furniture, bold: true, size: 16, color: 'A40000', text: flat(doc.draft) })] : []),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                ...(rtl ? { bidirectional: true } : {}),
                children: [new TextRun({ ...furniture, color: muted, size: 16, children: [doc.documentTitle, ' · ', ...pageOfRuns(flat(doc.pageOf))] })],
              }),
              ...(doc.translationNote ? paragraphs(doc, doc.translationNote, { color: muted, size: 14 }, false, { alignment: AlignmentType.CENTER }) : []),
            ],
          }),
        },
        children: [
          ...paragraphs(doc, doc.kicker, { bold: true, color: accent }, true),
          ...paragraphs(doc, userText(doc.title), {}, false, { heading: HeadingLevel.TITLE }),
          ...paragraphs(doc, doc.generated, { color: muted, size: 18 }, false, { spacing: { after: 200 } }),
          ...body,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
