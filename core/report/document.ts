import { textDirection, type UiLanguage } from '../../locales/languages';

/**
 * The structured report every document format renders (HTML, PDF via HTML, DOCX), so that the
 * content is the same whichever format HQ opens. Builders decide what is said; renderers only
 * decide how it looks.
 */

/**
 * A text as it appears in the report. Labels and framework texts carry one part per report
 * language (two in a bilingual report, the second language second); text a person typed carries
 * one part and `user: true`, because it exists only in the language it was written in.
 */
export interface Txt {
  readonly parts: readonly string[];
  readonly user?: true;
  /** Figures, ids and formulas ("2.50 → 3"): read left to right even inside right-to-left text. */
  readonly neutral?: true;
}

/** One line inside a cell or a fact; `muted` for secondary detail, `strong` for warnings. */
export interface Line {
  readonly text: Txt;
  readonly tone?: 'muted' | 'strong';
}

export interface Cell {
  readonly lines: readonly Line[];
  /** Right-aligned figures. */
  readonly numeric?: boolean;
}

export interface Column {
  readonly header: Txt;
  /** Share of the table width, in percent; a table's columns add up to 100. */
  readonly width: number;
  readonly numeric?: boolean;
  /**
   * Running text (names, titles, notes, programme lists) rather than a label or a figure: in a table
   * sized by its content it takes at least 7em and the rest of the width, and breaks inside a word
   * only where a line cannot hold the word (a long address or id).
   */
  readonly freeText?: boolean;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly Column[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
  /** A row heading the first column (e.g. the domain) reads as a header for screen readers. */
  readonly rowHeaders?: boolean;
  /**
   * Column widths follow the content instead of `width` (the browser lays out HTML and PDF; DOCX gets
   * widths estimated from the words, docx-column-widths.ts): labels and figures keep their words whole
   * and free-text columns take what is left. For many narrow columns, whose fixed shares
   * would cut headers such as "Framework version" mid-word.
   */
  readonly sizedByContent?: boolean;
}

export interface RadarSeriesSpec {
  readonly label: Txt;
  /** User text after the label, once (the baseline's title). */
  readonly detail?: string;
  /** One value per axis, 0–5; null where nothing is scored. */
  readonly values: ReadonlyArray<number | null>;
  /** Line styles keep the series apart in grayscale print. */
  readonly style: 'solid' | 'dashed' | 'dotted';
  readonly color: string;
}

export interface RadarChart {
  readonly title: Txt;
  /** The numbers in words, for screen readers and for text extraction. */
  readonly description: Txt;
  readonly axes: readonly Txt[];
  readonly series: readonly RadarSeriesSpec[];
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: Txt }
  | { readonly kind: 'paragraph'; readonly text: Txt; readonly tone?: 'muted' }
  | { readonly kind: 'facts'; readonly rows: ReadonlyArray<{ readonly label: Txt; readonly value: readonly Line[] }> }
  | { readonly kind: 'list'; readonly items: readonly Txt[] }
  | TableBlock
  /** The chart, and the same numbers as a table for formats that cannot show the picture. */
  | { readonly kind: 'chart'; readonly chart: RadarChart; readonly fallback: TableBlock; readonly fallbackNote: Txt };

export interface ReportDocument {
  /** The report language first, then the second language of a bilingual report. */
  readonly languages: readonly UiLanguage[];
  /** "Cyber capacity assessment report · Summary", in each language. */
  readonly kicker: Txt;
  /** The assessment's title, as the team wrote it. */
  readonly title: string;
  /** For the HTML <title> and document properties: kicker and title in the first language. */
  readonly documentTitle: string;
  readonly generated: Txt;
  /** "DRAFT — not final" while the assessment is not final; on every page of every layout. */
  readonly draft: Txt | null;
  /** The classification line chosen at export ("For official use"); on every page. */
  readonly classification: Txt | null;
  /** "Page {{page}} of {{pages}}" in each report language, for page footers. */
  readonly pageOf: Txt;
  /** Which report languages are draft (or reviewed) translations; null when all are source languages. In every format's footer. */
  readonly translationNote: Txt | null;
  /** Printed on landscape pages: HQ's tables have a column per domain or per assessment. */
  readonly landscape?: boolean;
  readonly blocks: readonly Block[];
}

/** A user-entered text: shown once, never translated. */
export function userText(text: string): Txt {
  return { parts: [text], user: true };
}

/** The text parts joined for places that hold one string (file properties, chart legends). */
export function flat(text: Txt, separator = ' / '): string {
  return text.parts.join(separator);
}

/**
 * Short bilingual pairs ("Short term / 短期") read best on one line; longer texts stack, the
 * second language under the first. Every renderer uses the same rule.
 */
export function isShortPair(text: Txt): boolean {
  return text.parts.length === 2 && text.parts[0]!.length + text.parts[1]!.length <= 44 && !text.parts.some((p) => p.includes('\n'));
}

/** The direction the document reads in: its first language's. */
export function documentDirection(doc: Pick<ReportDocument, 'languages'>): 'ltr' | 'rtl' {
  return textDirection(doc.languages[0] ?? 'en');
}

/** A bilingual report of a left-to-right and a right-to-left language: its long texts go side by side, each in its own direction. */
export function isMixedDirection(doc: Pick<ReportDocument, 'languages'>): boolean {
  return new Set(doc.languages.map(textDirection)).size > 1;
}
