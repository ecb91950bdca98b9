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
  type IRunOptions,
} from 'docx';
import { chartSvg } from './chart-svg';
import type { Block, Cell, Line, ReportDocument, TableBlock, Txt } from './document';
import { flat, isShortPair } from './document';
import { PAGE_MARK, PAGES_MARK } from './page-setup';
import type { SvgRasterizer } from './services';

// A4 in twentieths of a point, with 18 mm margins.
const page = { width: 11906, height: 16838, margin: 1020 };
const contentWidth = page.width - 2 * page.margin;
const japaneseFont = 'Yu Gothic';
const cjk = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const muted = '4A4A4A';
const accent = '1F4E79';

/** Pixel width the chart is rasterised at, and the width it is shown at in the document (96 px to the inch). */
const chartPixels = 1000;
const chartShownWidth = 520;

type RunStyle = Pick<IRunOptions, 'bold' | 'color' | 'size'>;

/**
 * Runs for one text. Japanese text gets an East Asian font hint and language so that Word and
 * LibreOffice pick a Japanese face; a second-language part goes on its own line, in grey.
 */
function runs(doc: ReportDocument, text: Txt, style: RunStyle = {}, inline = false): TextRun[] {
  return text.parts.flatMap((part, i) => {
    const japanese = doc.languages[i] === 'ja' || (text.user === true && cjk.test(part));
    const base: IRunOptions = {
      ...style,
      ...(i > 0 && !inline ? { color: muted } : {}),
      ...(japanese ? { font: { eastAsia: japaneseFont, hint: 'eastAsia' }, language: { eastAsia: 'ja-JP' } } : {}),
    };
    const lines = part.split(/\r\n|\r|\n/);
    const prefix = i === 0 ? [] : inline ? [new TextRun({ ...base, text: ' / ' })] : [new TextRun({ ...base, break: 1 })];
    return [...prefix, ...lines.map((l, n) => new TextRun({ ...base, text: l, ...(n > 0 ? { break: 1 } : {}) }))];
  });
}

/** Short pairs go on one line only where the column is wide (the facts table); narrow table columns stack. */
// Table text is a point smaller than body text so that A4 columns hold whole words.
function lineParagraph(doc: ReportDocument, line: Line, numeric = false, wide = false): Paragraph {
  const style: RunStyle = line.tone === 'muted' ? { color: muted, size: 15 } : line.tone === 'strong' ? { bold: true, size: 17 } : { size: 17 };
  return new Paragraph({ children: runs(doc, line.text, style, wide && isShortPair(line.text)), ...(numeric ? { alignment: AlignmentType.RIGHT } : {}), spacing: { after: 20 } });
}

function tableCell(doc: ReportDocument, cell: Cell, width: number, header = false, wide = false): TableCell {
  const lines = cell.lines.length ? cell.lines.map((l) => lineParagraph(doc, l, cell.numeric, wide)) : [new Paragraph({})];
  return new TableCell({
    children: lines,
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E4EAF1', color: 'auto' } } : {}),
  });
}

function table(doc: ReportDocument, block: TableBlock, withHeader = true, wide = false): Table {
  const widths = block.columns.map((c) => Math.round((contentWidth * c.width) / 100));
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
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  });
}

function svgHeight(svg: string, width: number): number {
  const match = /height="(\d+)"/.exec(svg);
  return match ? Math.round((Number(match[1]) * chartShownWidth) / width) : chartShownWidth;
}

async function blockElements(doc: ReportDocument, block: Block, rasterize: SvgRasterizer | undefined): Promise<Array<Paragraph | Table>> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: runs(doc, block.text, {}, true) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(doc, block.text, block.tone === 'muted' ? { color: muted } : {}, isShortPair(block.text)), spacing: { after: 120 } })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(doc, item), spacing: { after: 60 } }));
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
      const caption = new Paragraph({ keepNext: true, children: runs(doc, block.chart.title, { bold: true }), spacing: { before: 120, after: 60 } });
      if (!rasterize) {
        return [caption, new Paragraph({ children: runs(doc, block.fallbackNote, { color: muted }) }), table(doc, block.fallback), new Paragraph({})];
      }
      const svg = chartSvg(block.chart, doc, chartPixels);
      const png = await rasterize(svg);
      return [
        caption,
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
  const document = new Document({
    creator: 'CCAT',
    title: doc.documentTitle,
    description: doc.generated.parts.join(' / '),
    styles: {
      default: {
        document: {
          run: {
            size: 20,
            font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: japaneseFont, cs: 'Arial' },
            // w:val is the language of Latin-script text and w:eastAsia that of Japanese, whatever the report's first
            // language; marking Latin text as Japanese makes LibreOffice break English words mid-word.
            language: { value: 'en-GB', eastAsia: 'ja-JP' },
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
                alignment: AlignmentType.RIGHT,
                children: [
                  ...(doc.classification ? [new TextRun({ bold: true, size: 16, text: flat(doc.classification) })] : []),
                  ...(doc.classification && doc.draft ? [new TextRun({ size: 16, text: '   ' })] : []),
                  ...(doc.draft ? [new TextRun({ bold: true, size: 16, color: 'A40000', text: flat(doc.draft) })] : []),
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
                children: [new TextRun({ color: muted, size: 16, children: [doc.documentTitle, ' · ', ...pageOfRuns(flat(doc.pageOf))] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ children: runs(doc, doc.kicker, { bold: true, color: accent }, true) }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(doc, { parts: [doc.title], user: true }) }),
          new Paragraph({ children: runs(doc, doc.generated, { color: muted, size: 18 }), spacing: { after: 200 } }),
          ...body,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
