import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../core/report/bytes';
import { renderExport } from '../../../core/report/render-export';
import { docxText } from './extract';
import { exportInput, hostileNote } from './report-fixture';

const onePixelPng = fromBase64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==');

async function docx(report: 'summary' | 'full' | 'plan', options: Parameters<typeof exportInput>[2] = {}, rasterize?: (svg: string) => Promise<Uint8Array>) {
  const file = await renderExport(exportInput('docx', report, options), rasterize ? { rasterize } : {});
  const bytes = fromBase64(file.content);
  const zip = await JSZip.loadAsync(bytes);
  return { file, zip, xml: await zip.file('word/document.xml')!.async('string'), styles: await zip.file('word/styles.xml')!.async('string'), text: await docxText(bytes) };
}

describe('the DOCX report', () => {
  it('carries the classification and DRAFT in the page header and "page n of m" with Word fields in the footer', async () => {
    const file = await renderExport({ ...exportInput('docx', 'summary', { language: 'ja' }), classification: 'official-use' });
    const zip = await JSZip.loadAsync(fromBase64(file.content));
    const part = async (prefix: string) =>
      (await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith(`word/${prefix}`)).map((n) => zip.file(n)!.async('string')))).join('\n');
    const [header, footer] = [await part('header'), await part('footer')];
    expect(header).toContain('取扱注意');
    expect(header).toContain('未確定稿（レビュー中）');
    expect(footer).toMatch(/PAGE[\s\S]*\/[\s\S]*NUMPAGES[\s\S]*ページ/);
    const final = await renderExport(exportInput('docx', 'summary', { assessment: { ...exportInput('docx', 'summary').assessment, status: 'final' } }));
    expect(await docxText(fromBase64(final.content))).not.toContain('DRAFT');
  });

  it.each(['summary', 'full', 'plan'] as const)('%s: real headings and tables, A4, and the title', async (report) => {
    const { file, xml, text } = await docx(report);
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.verified).toMatch(/^DOCX re-read: document.xml has the title/);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toMatch(/<w:tbl>/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(text).toContain('Viet Nam national assessment, March 2026');
    expect(text).toContain('How the scores and priorities are computed');
  });

  it('embeds the radar as a PNG when the shell can rasterise, sending it the report SVG', async () => {
    const svgs: string[] = [];
    const { zip, xml } = await docx('summary', {}, async (svg) => {
      svgs.push(svg);
      return onePixelPng;
    });
    expect(svgs).toHaveLength(1);
    expect(svgs[0]).toMatch(/^<svg [^>]*width="1000"/);
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    expect(xml).toContain('descr="Radar chart.');
  });

  it('shows a table of the chart numbers instead, and says so, when it cannot', async () => {
    const { zip, text } = await docx('summary');
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(0);
    expect(text).toContain('The chart could not be drawn in this document; its numbers are in the table below.');
  });

  it('hints an East Asian font and language so that Japanese shows', async () => {
    const { styles, xml, text } = await docx('summary', { language: 'ja', secondLanguage: 'en' });
    expect(styles).toMatch(/w:eastAsia="Yu Gothic"/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    expect(xml).toMatch(/w:hint="eastAsia"/);
    expect(text).toContain('サイバー能力評価報告書');
    expect(text).toContain('Cyber capacity assessment report');
  });

  it('keeps hostile notes as plain text', async () => {
    const { xml, text } = await docx('full');
    expect(text).toContain(hostileNote);
    expect(xml).not.toContain('<script');
  });
});
