import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfFontFile, pdfFonts, pdfFontWeights, type PdfFont } from './fonts';
import type { PdfPageSetup } from './page-setup';

/**
 * A printed report carries the fonts its text needs as real embedded fonts, so that Thai, Khmer,
 * Arabic, Vietnamese and Japanese come out as text on any machine, offline (see fonts.ts for why
 * these fonts). Each @fontsource package is split into subsets by Unicode range; the report gets
 * only the subsets holding a character of its text, as data: URLs (the page reaches no file and no
 * network), and a script's font only when the text has that script at all.
 */

export interface FontSubset {
  /** The key in the package's unicode.json ("latin", "thai", "[12]"). */
  name: string;
  /** The CSS unicode-range as the package writes it. */
  range: string;
  /** Inclusive code point ranges. */
  spans: Array<[number, number]>;
}

export function fontSubsets(unicodeJson: Record<string, string>, wanted: (name: string) => boolean): FontSubset[] {
  return Object.entries(unicodeJson)
    .filter(([name]) => wanted(name))
    .map(([name, range]) => ({ name, range, spans: range.split(',').map(parseSpan) }));
}

function parseSpan(part: string): [number, number] {
  const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
  return [parseInt(from, 16), parseInt(to, 16)];
}

/** The subsets that hold a character of `text`, when the text calls for the font at all. */
export function subsetsFor(text: string, font: Pick<PdfFont, 'needed'>, subsets: readonly FontSubset[]): FontSubset[] {
  if (font.needed && !font.needed.test(text)) return [];
  const codes = [...new Set(Array.from(text, (char) => char.codePointAt(0)!))];
  return subsets.filter((subset) => codes.some((code) => subset.spans.some(([from, to]) => code >= from && code <= to)));
}

/**
 * @font-face rules for the fonts `text` needs. `fontsRoot` holds one folder per package, as the
 * packages sit in node_modules/@fontsource and as electron/build.ts copies them beside the app.
 */
export async function pdfFontFaces(text: string, fontsRoot: string): Promise<string> {
  const rules = await Promise.all(
    pdfFonts.map(async (font) => {
      if (font.needed && !font.needed.test(text)) return [];
      const dir = join(fontsRoot, font.package);
      const subsets = fontSubsets(JSON.parse(await readFile(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>, font.subset);
      return Promise.all(
        subsetsFor(text, font, subsets).flatMap((subset) =>
          pdfFontWeights.map(async (weight) => {
            const data = await readFile(join(dir, 'files', pdfFontFile(font, subset.name, weight)));
            return `@font-face{font-family:"${font.family}";font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data.toString('base64')}) format("woff2");unicode-range:${subset.range}}`;
          }),
        ),
      );
    }),
  );
  return rules.flat().join('\n');
}

/**
 * The report and its page header and footer (the footer carries the title, in any script), with
 * the fonts their text needs. The report's styles name the CCAT families first (fontStack).
 */
export async function withPdfFonts(html: string, setup: PdfPageSetup | undefined, fontsRoot: string): Promise<{ html: string; setup: PdfPageSetup | undefined }> {
  const faces = await pdfFontFaces(html + (setup ? setup.headerTemplate + setup.footerTemplate : ''), fontsRoot);
  if (faces === '') return { html, setup };
  const style = `<style>${faces}</style>`;
  const withFaces = html.includes('</head>') ? html.replace('</head>', () => `${style}</head>`) : style + html;
  return {
    html: withFaces,
    setup: setup && { ...setup, headerTemplate: style + setup.headerTemplate, footerTemplate: style + setup.footerTemplate },
  };
}
