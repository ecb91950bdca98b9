import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumServices } from '../../../cli/pdf';
import { renderExport } from '../../../core/report/render-export';
import { createLabels } from '../../../core/report/labels';
import { languageNameInText, type UiLanguage } from '../../../locales/languages';
import { bytesOf } from './extract';
import { fixtureTitles, installFixtureTranslations } from './fixture-translations';
import { exportInput, fieldAssessment } from './report-fixture';

const screenshots = join(import.meta.dirname, '..', '..', '..', 'artifacts', 'screenshots');
const chromium = createChromiumServices();
const folder = mkdtempSync(join(tmpdir(), 'ccat-languages-e2e-'));
let restore: () => void;

/** A Vietnamese title full of stacked diacritics. */
const vietnameseTitle = 'Đánh giá năng lực an ninh mạng quốc gia Việt Nam, tháng Ba năm 2026';

type Printed = { text: string; fonts: string[] };
const printed = new Map<string, Printed>();

/**
 * pdftotext gives right-to-left and complex-script text back in logical order, but with spaces
 * where glyph clusters are positioned apart and with bidi embedding marks: compare without them.
 */
const squash = (text: string) => text.replace(/[\s\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');

async function print(language: UiLanguage, title?: string): Promise<Printed> {
  const assessment = fieldAssessment();
  if (title) assessment.title = title;
  const file = await renderExport(exportInput('pdf', 'summary', { language, assessment }), chromium);
  const path = join(folder, `${language}.pdf`);
  writeFileSync(path, bytesOf(file));
  // The first page as a reader sees it, for people to look at (design §9): boxes, clipping, mirroring.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(screenshots, `report-language-${language}`)]);
  const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }), fonts };
}

beforeAll(async () => {
  restore = installFixtureTranslations();
  mkdirSync(screenshots, { recursive: true });
  for (const language of ['th', 'km', 'ar', 'en'] as const) printed.set(language, await print(language));
  printed.set('vi', await print('vi', vietnameseTitle));
}, 120_000);

afterAll(async () => {
  restore();
  await chromium.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('PDF reports in Thai, Khmer, Arabic and Vietnamese', () => {
  it.each([
    ['th', 'NotoSansThai'],
    ['km', 'NotoSansKhmer'],
    ['ar', 'NotoSansArabic'],
  ] as const)('%s: the report title comes back as text, set in the shipped %s embedded as a real font', (language, font) => {
    const { text, fonts } = printed.get(language)!;
    expect(squash(text)).toContain(squash(fixtureTitles[language]));
    expect(fonts.some((line) => line.includes(font) && /CID TrueType/.test(line))).toBe(true);
    for (const line of fonts) expect(line).not.toMatch(/Type 3/);
    // Embedded, subset, with a Unicode map: the text can be searched and copied.
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
  });

  it('vi: Vietnamese diacritics come back as text in the shipped Noto Sans, no Type 3', () => {
    const { text, fonts } = printed.get('vi')!;
    expect(text.normalize('NFC')).toContain(vietnameseTitle);
    expect(fonts.some((line) => line.includes('NotoSans-') && /CID TrueType/.test(line))).toBe(true);
    for (const line of fonts) expect(line).not.toMatch(/Type 3/);
  });

  it('say on their pages that the language is a draft translation; an English one does not', () => {
    for (const language of ['th', 'km', 'ar', 'vi'] as const) {
      const note = createLabels(language).in(language, 'marking.translationDraft', { language: languageNameInText(language, language) });
      // A full stop is neutral: in right-to-left text it may come back on the other side.
      const bare = (text: string) => squash(text).replaceAll('.', '');
      expect(bare(printed.get(language)!.text), language).toContain(bare(note));
    }
    expect(printed.get('en')!.text).not.toContain('draft translation');
  });
});
