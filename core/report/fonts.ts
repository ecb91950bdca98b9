import type { UiLanguage } from '../../locales/languages';

/**
 * The fonts of a report, per script. A printed report (PDF) carries the OFL Noto fonts CCAT ships
 * (@fontsource packages, TrueType outlines) for exactly the scripts its text uses; pdf-fonts.node.ts
 * adds them as data: URLs under the "CCAT …" family names. Chromium's PDF writer embeds TrueType
 * fonts as real fonts, while the CFF-outline faces Linux and macOS have (Noto Sans CJK, Hiragino,
 * most system Noto fonts) become Type 3 glyph sets without text. The HTML report names only
 * local fonts: Windows first (what the agencies use), then Linux and macOS.
 */
export type Script = 'latin' | 'thai' | 'khmer' | 'arabic' | 'japanese';

export interface PdfFont {
  script: Script;
  /** The CSS family name the printed report defines. */
  family: string;
  /** The folder under node_modules/@fontsource (and under the app's fonts folder). */
  package: string;
  /** The package's subsets (keys of its unicode.json) this script uses. */
  subset: (name: string) => boolean;
  /** Characters that call for the font at all; without one, the font is left out even where its ranges overlap Latin punctuation. */
  needed: RegExp | null;
  /** Fonts Windows has for the script, then what Linux and macOS have. */
  local: readonly string[];
}

export const pdfFonts: readonly PdfFont[] = [
  {
    script: 'latin',
    family: 'CCAT Noto Sans',
    package: 'noto-sans',
    subset: (name) => name === 'latin' || name === 'latin-ext' || name === 'vietnamese',
    needed: null,
    local: ['Segoe UI', 'Noto Sans', 'Arial', 'DejaVu Sans'],
  },
  { script: 'thai', family: 'CCAT Noto Sans Thai', package: 'noto-sans-thai', subset: (name) => name === 'thai', needed: /[\u0E00-\u0E7F]/u, local: ['Leelawadee UI', 'Tahoma', 'Noto Sans Thai'] },
  {
    script: 'khmer',
    family: 'CCAT Noto Sans Khmer',
    package: 'noto-sans-khmer',
    subset: (name) => name === 'khmer',
    needed: /[\u1780-\u17FF\u19E0-\u19FF]/u,
    local: ['Khmer UI', 'Leelawadee UI', 'Noto Sans Khmer'],
  },
  {
    script: 'arabic',
    family: 'CCAT Noto Sans Arabic',
    package: 'noto-sans-arabic',
    subset: (name) => name === 'arabic',
    needed: /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u,
    local: ['Segoe UI', 'Arial', 'Noto Sans Arabic'],
  },
  {
    script: 'japanese',
    family: 'CCAT Noto Sans JP',
    package: 'noto-sans-jp',
    // The package's numbered Japanese subsets; its Latin, Cyrillic and Vietnamese ones are Noto Sans's job.
    subset: (name) => /^\[\d+\]$/.test(name),
    needed: /[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u,
    local: ['Yu Gothic', 'Meiryo', 'Noto Sans CJK JP', 'Hiragino Sans'],
  },
];

/** The weights reports use (regular and bold). */
export const pdfFontWeights = [400, 700] as const;

/** The font file of a subset ("[12]" → noto-sans-jp-12-700-normal.woff2). */
export function pdfFontFile(font: PdfFont, subset: string, weight: number): string {
  return `${font.package}-${subset.replace(/^\[(.*)\]$/, '$1')}-${weight}-normal.woff2`;
}

const scriptOf: Record<UiLanguage, Script> = { en: 'latin', fr: 'latin', id: 'latin', vi: 'latin', ja: 'japanese', th: 'thai', km: 'khmer', ar: 'arabic' };

export function languageScript(language: UiLanguage): Script {
  return scriptOf[language];
}

const quote = (family: string) => (/^[A-Za-z-]+$/.test(family) ? family : `"${family}"`);

/**
 * The CSS font-family list for text in `language`: CCAT's own fonts first (present only in a
 * printed report), the language's script before the others so that its Latin letters and digits
 * match its own text; then the local fonts in the same order.
 */
export function fontStack(language: UiLanguage | 'neutral'): string {
  const first = language === 'neutral' ? 'latin' : languageScript(language);
  const ordered = [...pdfFonts.filter((f) => f.script === first), ...pdfFonts.filter((f) => f.script !== first)];
  const families = [...ordered.map((f) => f.family), ...new Set(ordered.flatMap((f) => f.local)), 'sans-serif'];
  return families.map(quote).join(',');
}
