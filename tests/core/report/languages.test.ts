import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../core/api/commands';
import { pdfFontFaces } from '../../../core/report/pdf-fonts.node';
import { buildReport } from '../../../core/report/build-report';
import { createLabels } from '../../../core/report/labels';
import { pdfPageSetup } from '../../../core/report/page-setup';
import { renderExport } from '../../../core/report/render-export';
import type { ExportFormat, ReportKind } from '../../../core/report/report-input';
import { languageInfo, languageNameInText, uiLanguages, type LanguageStatus, type UiLanguage } from '../../../locales/languages';
import { bytesOf, visibleText } from './extract';
import { fixtureTitles, installFixtureTranslations } from './fixture-translations';
import { exportInput } from './report-fixture';
import { translationProblems } from './untranslated';
import { createRequire } from 'node:module';
import { pseudoLocalize, pseudoResources } from '../../../core/i18n/pseudo';
import { resources } from '../../../locales/resources';
import { dirname } from 'node:path';

let restore: () => void;
beforeAll(() => {
  restore = installFixtureTranslations();
});
afterAll(() => restore());

const exported = (format: ExportFormat, report: ReportKind, language: UiLanguage, secondLanguage?: UiLanguage) => renderExport(exportInput(format, report, { language, secondLanguage }));

async function zipPart(file: ExportedFile, prefix: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytesOf(file));
  const names = Object.keys(zip.files).filter((name) => name.startsWith(prefix));
  return (await Promise.all(names.map((name) => zip.file(name)!.async('string')))).join('\n');
}

type Tree = { [key: string]: string | Tree };
const flatten = (tree: object, prefix = ''): Record<string, string> =>
  Object.assign({}, ...Object.entries(tree as Tree).map(([key, value]) => (typeof value === 'string' ? { [prefix + key]: value } : flatten(value, `${prefix}${key}.`)))) as Record<string, string>;

const draftNote = 'text of this report is a draft translation, not yet reviewed by a native speaker';
/** The note as a reader of `language` gets it (English wording until that language's strings land). */
const noteIn = (language: UiLanguage) => createLabels(language).in(language, 'marking.translationDraft', { language: languageNameInText(language, language) });

describe('reports in each of the eight languages', () => {
  it.each(uiLanguages)('%s: every report kind renders and verifies in every format, without raw keys or unfilled placeholders', async (language) => {
    for (const report of ['summary', 'full', 'plan'] as const) {
      for (const format of ['html', 'docx', 'xlsx', 'csv'] as const) {
        const file = await exported(format, report, language);
        expect(file.verified, `${report} ${format}`).toMatch(/re-read/);
        // Languages whose strings have not landed fall back to English, which is not a problem here.
        expect(translationProblems(await visibleText(file), ['en']), `${language} ${report} ${format}`).toEqual([]);
      }
    }
  });

  it('use the report language’s strings in every section and format when it has them (pseudo-locale strings as French)', async () => {
    const saved = resources.fr;
    resources.fr = pseudoResources({ common: resources.en.common, report: resources.en.report });
    try {
      // English sentences of the report strings, long enough to be unmistakable (placeholders split them).
      const fragments = Object.values(flatten(resources.en.report))
        .flatMap((value) => value.split(/\{\{[^}]*\}\}/))
        .map((fragment) => fragment.trim())
        .filter((fragment) => fragment.length >= 20);
      expect(fragments.length).toBeGreaterThan(100);
      for (const report of ['summary', 'full', 'plan'] as const) {
        for (const format of ['html', 'docx', 'xlsx'] as const) {
          const text = await visibleText(await exported(format, report, 'fr'));
          expect(fragments.filter((fragment) => text.includes(fragment)), `${report} ${format}`).toEqual([]);
          // The workbook names its sheets' columns, not the report's title.
          if (format !== 'xlsx') expect(text, `${report} ${format}`).toContain(pseudoLocalize(resources.en.report.title));
        }
      }
    } finally {
      if (saved === undefined) Reflect.deleteProperty(resources, 'fr');
      else resources.fr = saved;
    }
  });

  it('take the report language, not the UI language: the fixture titles in Thai, Khmer and Arabic, English where a string is missing', async () => {
    for (const language of ['th', 'km', 'ar'] as const) {
      const html = (await exported('html', 'summary', language)).content;
      expect(html).toContain(`<html lang="${language}"`);
      expect(html).toContain(fixtureTitles[language]);
    }
    // A language with nothing but a title (whatever has landed since): English stands in for the rest.
    const saved = resources.km;
    resources.km = { report: { title: fixtureTitles.km } };
    try {
      const html = (await exported('html', 'summary', 'km')).content;
      expect(html).toContain(fixtureTitles.km);
      expect(html).toContain('Executive summary');
    } finally {
      if (saved === undefined) Reflect.deleteProperty(resources, 'km');
      else resources.km = saved;
    }
  });

  it('bilingual in any pair: both titles, the second language second', async () => {
    const html = (await exported('html', 'summary', 'th', 'km')).content;
    expect(html.indexOf(fixtureTitles.th)).toBeGreaterThan(0);
    expect(html.indexOf(fixtureTitles.km)).toBeGreaterThan(html.indexOf(fixtureTitles.th));
  });

  it('plural forms come from i18next with the language’s rules: Arabic has six', () => {
    const L = createLabels('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => L.in('ar', 'teamWithheld', { count }));
    expect(forms).toEqual(['لا أعضاء (الأسماء محجوبة)', 'عضو واحد (الاسم محجوب)', 'عضوان (الاسمان محجوبان)', '3 أعضاء (الأسماء محجوبة)', '11 عضوًا (الأسماء محجوبة)', '100 عضو (الأسماء محجوبة)']);
  });
});

describe('the translation note', () => {
  it('is in every footer of a report in a draft language (HTML, PDF page footer, DOCX footer, XLSX summary and properties)', async () => {
    expect(noteIn('th')).toContain('ข้อความภาษาไทยในรายงานนี้');
    const html = (await exported('html', 'summary', 'th')).content;
    expect(html).toContain(`<footer class="translation"><p class="muted"><span>${noteIn('th')}</span></p></footer>`);
    expect(pdfPageSetup(buildReport(exportInput('pdf', 'summary', { language: 'th' }))).footerTemplate).toContain(noteIn('th'));
    expect(await zipPart(await exported('docx', 'summary', 'ar'), 'word/footer')).toContain(noteIn('ar'));
    const xlsx = await exported('xlsx', 'summary', 'km');
    expect(await visibleText(xlsx)).toContain(noteIn('km'));
    expect(await zipPart(xlsx, 'docProps/core.xml')).toContain(noteIn('km'));
    // Read by an English reader of a bilingual report, in English.
    expect((await exported('html', 'summary', 'en', 'vi')).content).toContain(`The Vietnamese ${draftNote}.`);
  });

  it('is in each language of a bilingual report, naming the language as that reader calls it; Japanese in Japanese', async () => {
    const html = (await exported('html', 'summary', 'ja', 'vi')).content;
    expect(html).toContain('この報告書のベトナム語の文章は翻訳の下書きであり、ネイティブスピーカーによる確認はまだ受けていません。');
  });

  it('names a language inside its own sentence as running text does, not as a menu title', async () => {
    const expected = {
      vi: 'Văn bản tiếng Việt của báo cáo này là bản dịch nháp',
      id: 'Teks dalam bahasa Indonesia pada laporan ini',
      th: 'ข้อความภาษาไทยในรายงานนี้',
      km: 'អត្ថបទភាសាខ្មែរនៃរបាយការណ៍នេះ',
      fr: 'Le texte de ce rapport (français)',
    } as const;
    for (const [language, text] of Object.entries(expected) as [UiLanguage, string][]) {
      expect((await exported('html', 'summary', language)).content, language).toContain(text);
    }
  });

  it('names the other language of a bilingual report as each reader writes it in a sentence', async () => {
    const expected: Array<[UiLanguage, UiLanguage, string]> = [
      ['id', 'th', 'Teks dalam bahasa Thai pada laporan ini'],
      ['vi', 'th', 'Văn bản tiếng Thái của báo cáo này'],
      ['th', 'vi', 'ข้อความภาษาเวียดนามในรายงานนี้'],
      ['km', 'th', 'អត្ថបទភាសាថៃនៃរបាយការណ៍នេះ'],
      ['fr', 'vi', 'Le texte de ce rapport (vietnamien)'],
    ];
    for (const [language, second, text] of expected) {
      expect((await exported('html', 'summary', language, second)).content, `${language} + ${second}`).toContain(text);
    }
  });

  it('is absent when every report language is a source language', async () => {
    for (const [language, second] of [['en', undefined], ['ja', undefined], ['en', 'ja']] as const) {
      const html = (await exported('html', 'summary', language, second)).content;
      expect(html).not.toContain('class="translation"');
      expect(html).not.toContain('draft translation');
      expect(pdfPageSetup(buildReport(exportInput('pdf', 'summary', { language, secondLanguage: second }))).footerTemplate).not.toContain('draft translation');
      expect(await zipPart(await exported('docx', 'summary', language, second), 'word/footer')).not.toContain('draft translation');
    }
  });

  it('names the reviewer and the date of a reviewed language, and no longer calls it a draft', async () => {
    const info = languageInfo('fr') as { status: LanguageStatus };
    const was = info.status;
    info.status = { kind: 'reviewed', reviewer: 'Awa Diop', reviewedOn: '2026-11-20' };
    try {
      const html = (await exported('html', 'summary', 'en', 'fr')).content;
      expect(html).toContain('The French translation was reviewed by Awa Diop on Nov 20, 2026.');
      expect(html).not.toContain('draft translation');
    } finally {
      info.status = was;
    }
  });
});

describe('numbers through Intl in the report language', () => {
  it('French writes a decimal comma, English a point; Arabic keeps Western digits, as its locale says', async () => {
    // The first domain's score, in the findings table of every summary.
    const score = exportInput('html', 'summary').scores.domains[0]!.mean!;
    const en = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
    expect(en).toMatch(/^\d\.\d\d$/);
    const figures = (html: string) => [...html.matchAll(/<td class="num"><div class="line">(?:<span>|<bdi dir="ltr">)([^<]+)</g)].map((m) => m[1]);
    const enHtml = (await exported('html', 'summary', 'en')).content;
    expect(figures(enHtml)).toContain(en);
    const frFigures = figures((await exported('html', 'summary', 'fr')).content);
    expect(frFigures).toContain(en.replace('.', ','));
    expect(frFigures.filter((f) => /\d\.\d/.test(f!))).toEqual([]);
    const ar = (await exported('html', 'summary', 'ar')).content;
    expect(new Intl.NumberFormat('ar').resolvedOptions().numberingSystem).toBe('latn');
    expect(figures(ar)).toContain(en);
    expect(ar).toMatch(/<td class="num"><div class="line"><bdi dir="ltr">\d\.\d\d<\/bdi>/);
    expect(ar).not.toMatch(/[\u0660-\u0669]/);
  });

  it('spreadsheet figures stay numbers whatever the language', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(await exported('xlsx', 'summary', 'fr')) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const summary = book.getWorksheet('Summary')!;
    expect(typeof summary.getRow(2).getCell(4).value).toBe('number');
  });
});

describe('right to left', () => {
  it('HTML: an Arabic report reads right to left, figures and ids left to right inside it', async () => {
    const html = (await exported('html', 'full', 'ar')).content;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toMatch(/<bdi dir="ltr">1\.1\.1<\/bdi>/);
    // The radar keeps its left-to-right geometry (text anchors) inside the mirrored page.
    expect(html).toMatch(/<figure class="chart"><svg [^>]*direction="ltr"/);
  });

  it('HTML: a bilingual English + Arabic report puts long texts in two columns, each with its own lang and dir', async () => {
    const html = (await exported('html', 'summary', 'en', 'ar')).content;
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toMatch(/<div class="columns"><p lang="en" dir="ltr">[^<]+<\/p><p lang="ar" dir="rtl">[^<]+<\/p><\/div>/);
    // Short pairs stay on one line, the Arabic part isolated in its own direction.
    expect(html).toMatch(new RegExp(`<span class="sep" aria-hidden="true"> / </span><span class="l2" lang="ar" dir="rtl">${fixtureTitles.ar} · [^<]+</span>`));
    // A left-to-right pair (English + Japanese) stays as it was: no columns, no dir.
    const enJa = (await exported('html', 'summary', 'en', 'ja')).content;
    expect(enJa).not.toContain('class="columns"');
    expect(enJa).not.toContain('dir="rtl"');
  });

  it('DOCX: Arabic paragraphs are bidi with right-to-left runs, tables visually right to left, Arabic in the complex-script font', async () => {
    const ar = await exported('docx', 'summary', 'ar');
    const xml = await zipPart(ar, 'word/document.xml');
    expect(xml).toMatch(/<w:p><w:pPr><w:bidi\/><\/w:pPr><w:r><w:rPr><w:rFonts w:ascii="Calibri" w:cs="Arial" w:hAnsi="Calibri"\/><w:b\/><w:bCs\/><w:color w:val="1F4E79"\/><w:rtl\/><w:lang w:bidi="ar-SA"\/><\/w:rPr><w:t xml:space="preserve">تقرير/);
    expect(xml).toContain('<w:bidiVisual/>');
    // Figures keep their order inside right-to-left paragraphs.
    expect(xml).toMatch(/<w:t xml:space="preserve">\u200E\d\.\d\d\u200E<\/w:t>/);
    const en = await zipPart(await exported('docx', 'summary', 'en'), 'word/document.xml');
    for (const mark of ['<w:bidi/>', '<w:rtl/>', '<w:bidiVisual/>', '\u200E']) expect(en).not.toContain(mark);
  });

  it('DOCX: a person’s note takes the direction of its first letter, as dir="auto" does in the HTML', async () => {
    const paragraphs = (await zipPart(await exported('docx', 'full', 'en'), 'word/document.xml')).split('<w:p>');
    const arabicNote = paragraphs.find((p) => p.includes('ملاحظات الفريق'))!;
    expect(arabicNote).toMatch(/^<w:pPr><w:bidi\/>/);
    expect(arabicNote).toContain('<w:rtl/>');
    // Latin first, Arabic at its end: a left-to-right paragraph.
    const mixedNote = paragraphs.find((p) => p.includes('onerror=alert(1)'))!;
    expect(mixedNote).not.toContain('<w:bidi/>');
    expect(mixedNote).not.toContain('<w:rtl/>');
  });

  it('DOCX: a bilingual English + Arabic text becomes a left-to-right and a right-to-left paragraph', async () => {
    const xml = await zipPart(await exported('docx', 'summary', 'en', 'ar'), 'word/document.xml');
    const paragraphs = xml.split('<w:p>').slice(1);
    const overall = paragraphs.findIndex((p) => p.includes('The largest gaps to target are in') && !p.includes('<w:bidi/>'));
    expect(overall).toBeGreaterThan(-1);
    expect(paragraphs[overall + 1]).toMatch(/^<w:pPr><w:bidi\/>/);
    expect(paragraphs[overall + 1]).toContain('<w:rtl/>');
  });

  it('DOCX: fonts per script in the slot Word reads — Thai and Khmer in cs, Japanese in eastAsia, Latin in ascii/hAnsi', async () => {
    const th = await zipPart(await exported('docx', 'summary', 'th'), 'word/');
    expect(th).toMatch(/<w:rFonts w:ascii="Calibri" w:cs="Leelawadee UI" w:hAnsi="Calibri"\/>.*<w:lang w:bidi="th-TH"\/><\/w:rPr><w:t xml:space="preserve">รายงาน/s);
    const km = await zipPart(await exported('docx', 'summary', 'km'), 'word/');
    expect(km).toMatch(/<w:rFonts w:ascii="Calibri" w:cs="Khmer UI" w:hAnsi="Calibri"\/>/);
    expect(km).toContain('w:bidi="km-KH"');
    const ja = await zipPart(await exported('docx', 'summary', 'ja'), 'word/document.xml');
    expect(ja).toContain('<w:rFonts w:eastAsia="Yu Gothic" w:hint="eastAsia"/>');
    const vi = await zipPart(await exported('docx', 'summary', 'vi'), 'word/');
    expect(vi).toContain('<w:rFonts w:ascii="Calibri" w:cs="Arial" w:eastAsia="Yu Gothic" w:hAnsi="Calibri"/>');
    expect(vi).toContain('w:val="vi-VN"');
  });

  it('XLSX: every sheet of an Arabic workbook opens right to left; an English one does not', async () => {
    for (const [language, rightToLeft] of [['ar', true], ['en', false], ['en-ar', false]] as const) {
      const [first, second] = language.split('-') as [UiLanguage, UiLanguage | undefined];
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytesOf(await exported('xlsx', 'summary', first, second)) as unknown as Parameters<typeof book.xlsx.load>[0]);
      expect(book.worksheets.length).toBeGreaterThan(1);
      for (const ws of book.worksheets) expect(ws.views[0]?.rightToLeft ?? false, `${language} ${ws.name}`).toBe(rightToLeft);
    }
  });
});

describe('PDF fonts', () => {
  const fontsRoot = dirname(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/unicode.json')));
  const families = async (text: string) => [...new Set([...(await pdfFontFaces(text, fontsRoot)).matchAll(/font-family:"([^"]+)"/g)].map((m) => m[1]))];

  it('embed exactly the fonts the text’s scripts need', async () => {
    expect(await families('Viet Nam')).toEqual(['CCAT Noto Sans']);
    expect(await families('Đánh giá năng lực')).toEqual(['CCAT Noto Sans']);
    expect(await pdfFontFaces('Đánh giá', fontsRoot)).toContain('U+1EA0-1EF9');
    expect(await families(`Report ${fixtureTitles.th}`)).toEqual(['CCAT Noto Sans', 'CCAT Noto Sans Thai']);
    expect(await families(fixtureTitles.km)).toEqual(['CCAT Noto Sans Khmer']);
    expect(await families(`${fixtureTitles.ar} 2.50`)).toEqual(['CCAT Noto Sans', 'CCAT Noto Sans Arabic']);
    expect(await families('報告書')).toEqual(['CCAT Noto Sans JP']);
  });
});
