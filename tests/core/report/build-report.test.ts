import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/report/build-report';
import type { Block, Txt } from '../../../core/report/document';
import { renderDocx } from '../../../core/report/render-docx';
import { renderHtml } from '../../../core/report/render-html';
import { docxText } from './extract';
import { exportInput } from './report-fixture';

function texts(blocks: readonly Block[]): Txt[] {
  return blocks.flatMap((b): Txt[] => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return [b.text];
      case 'list':
        return [...b.items];
      case 'facts':
        return b.rows.flatMap((r) => [r.label, ...r.value.map((l) => l.text)]);
      case 'table':
        return [...b.columns.map((c) => c.header), ...b.rows.flatMap((row) => row.flatMap((c) => c.lines.map((l) => l.text)))];
      case 'chart':
        return [b.chart.title, ...texts([b.fallback])];
    }
  });
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('the report model', () => {
  it.each(['summary', 'full', 'plan'] as const)('%s: a bilingual report shows a text once only where it is the same in both languages, or typed by the team', (report) => {
    const doc = buildReport(exportInput('html', report, { language: 'en', secondLanguage: 'ja' }));
    expect(doc.languages).toEqual(['en', 'ja']);
    const partsOf = (language: 'en' | 'ja') => new Set(texts(buildReport(exportInput('html', report, { language })).blocks).flatMap((t) => t.parts));
    const [en, ja] = [partsOf('en'), partsOf('ja')];
    const all = texts(doc.blocks);
    expect(all.filter((t) => t.user).every((t) => t.parts.length === 1)).toBe(true);
    const once = all.filter((t) => !t.user && t.parts.length === 1).map((t) => t.parts[0]!);
    expect(once.filter((text) => !(en.has(text) && ja.has(text)))).toEqual([]);
    expect(all.filter((t) => t.parts.length === 2).length).toBeGreaterThan(once.length / 4);
  });

  it.each(['summary', 'full', 'plan'] as const)('%s: HTML and DOCX say the same things', async (report) => {
    const doc = buildReport(exportInput('docx', report, { language: 'ja', secondLanguage: 'en' }));
    const html = squash(new JSDOM(renderHtml(doc)).window.document.body.textContent ?? '');
    const docx = squash(await docxText(await renderDocx(doc)));
    for (const text of texts(doc.blocks)) {
      for (const part of text.parts) {
        if (part.trim() === '') continue;
        expect(html).toContain(squash(part));
        for (const line of part.split('\n')) expect(docx).toContain(squash(line));
      }
    }
  });
});
