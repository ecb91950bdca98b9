import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDF_FONT_FAMILY, type PdfPageSetup } from './page-setup';

/**
 * Japanese text in a PDF must be a real embedded font, not Type 3 shapes: Chromium's PDF writer
 * turns CFF-outline fonts (Noto Sans CJK, Hiragino: what Linux and macOS have) into Type 3, and
 * embeds TrueType-outline ones as fonts. CCAT therefore ships Noto Sans JP with TrueType outlines
 * (@fontsource/noto-sans-jp, OFL), split by the package into 120 Japanese subsets, and adds to a
 * report being printed only the subsets its text uses, as data: URLs (the page reaches no file
 * and no network). Latin text keeps the report's own fonts.
 */
const weights = [400, 700] as const;

export interface FontSubset {
  name: string;
  /** The CSS unicode-range as the package writes it. */
  range: string;
  /** Inclusive code point ranges. */
  spans: Array<[number, number]>;
}

/** The package's Japanese subsets ("[0]" … "[119]"); its Latin, Cyrillic and Vietnamese ones are left to the report's fonts. */
export function japaneseSubsets(unicodeJson: Record<string, string>): FontSubset[] {
  return Object.entries(unicodeJson)
    .filter(([name]) => /^\[\d+\]$/.test(name))
    .map(([name, range]) => ({ name: name.slice(1, -1), range, spans: range.split(',').map(parseSpan) }));
}

function parseSpan(part: string): [number, number] {
  const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
  return [parseInt(from, 16), parseInt(to, 16)];
}

/**
 * The subsets that hold a character of `text`, when it has Japanese at all. Latin characters
 * count then (Japanese text carries Latin letters and digits, and its font list names this font
 * first); an English report names it after its Latin fonts, so it only ever fills in Japanese.
 */
export function subsetsFor(text: string, subsets: readonly FontSubset[]): FontSubset[] {
  const owner = new Map<number, FontSubset>();
  for (const subset of subsets) {
    for (const [from, to] of subset.spans) for (let code = from; code <= to; code++) if (!owner.has(code)) owner.set(code, subset);
  }
  const used = new Set<FontSubset>();
  let japanese = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const subset = owner.get(code);
    if (!subset) continue;
    used.add(subset);
    if (code >= 0x3000) japanese = true;
  }
  return japanese ? subsets.filter((subset) => used.has(subset)) : [];
}

/** @font-face rules for the subsets `text` needs, each font file read from `fontDir` (the package folder). */
export async function pdfFontFaces(text: string, fontDir: string): Promise<string> {
  const subsets = japaneseSubsets(JSON.parse(await readFile(join(fontDir, 'unicode.json'), 'utf8')) as Record<string, string>);
  const needed = subsetsFor(text, subsets);
  const rules = await Promise.all(
    needed.flatMap((subset) =>
      weights.map(async (weight) => {
        const font = await readFile(join(fontDir, 'files', `noto-sans-jp-${subset.name}-${weight}-normal.woff2`));
        return `@font-face{font-family:"${PDF_FONT_FAMILY}";font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${font.toString('base64')}) format("woff2");unicode-range:${subset.range}}`;
      }),
    ),
  );
  return rules.join('\n');
}

/**
 * The report and its page header and footer (the footer carries the title, often Japanese), with
 * the fonts their text needs. The report's styles name PDF_FONT_FAMILY first, so it is used for
 * exactly the characters its subsets cover.
 */
export async function withPdfFonts(html: string, setup: PdfPageSetup | undefined, fontDir: string): Promise<{ html: string; setup: PdfPageSetup | undefined }> {
  const faces = await pdfFontFaces(html + (setup ? setup.headerTemplate + setup.footerTemplate : ''), fontDir);
  if (faces === '') return { html, setup };
  const style = `<style>${faces}</style>`;
  const withFaces = html.includes('</head>') ? html.replace('</head>', () => `${style}</head>`) : style + html;
  return {
    html: withFaces,
    setup: setup && { ...setup, headerTemplate: style + setup.headerTemplate, footerTemplate: style + setup.footerTemplate },
  };
}
