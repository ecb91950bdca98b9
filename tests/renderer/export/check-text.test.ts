import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n/translator';
import { checkText } from '../../../renderer/export/check-text';

const t = (language: 'en' | 'ja') => createTranslator(language, 'common');

describe('what an export check says in the UI', () => {
  it('is Japanese in the Japanese UI, with the figures the core found', () => {
    const file = { verified: 'PDF re-read: 22 pages (1041 KB)', check: { format: 'pdf' as const, kilobytes: 1041, pages: 22 } };
    expect(checkText(t('ja'), file)).toBe('22ページ（1041 KB）');
    expect(checkText(t('en'), file)).toBe('22 pages (1041 KB)');
    expect(t('ja')('exportDialog.doneChecked', { file: 'a.pdf', checked: checkText(t('ja'), file) })).toBe('a.pdf を出力しました。書き出し後の確認：22ページ（1041 KB）。');
  });

  it.each([
    [{ format: 'xlsx' as const, kilobytes: 80, sheets: 7 }, 'シート7枚', '7 sheets'],
    [{ format: 'csv' as const, kilobytes: 40, rows: 105, columns: 14 }, '105行 × 14列', '105 rows of 14 columns'],
    [{ format: 'docx' as const, kilobytes: 90, tables: 12, images: 1 }, '文書を開けること、表12件・画像1件', 'the document opens: 12 tables, images: 1'],
    [{ format: 'html' as const, kilobytes: 120 }, 'タイトルを含む完全なページ、スクリプトなし（120 KB）', 'a complete page with the title, no script (120 KB)'],
    [{ format: 'json' as const, kilobytes: 300 }, 'データの読み戻し（300 KB）', 'the data read back (300 KB)'],
  ])('%j', (check, ja, en) => {
    expect(checkText(t('ja'), { verified: 'English', check })).toBe(ja);
    expect(checkText(t('en'), { verified: 'English', check })).toBe(en);
  });

  it('falls back to the core’s words where no figures came back (exchange files)', () => {
    expect(checkText(t('ja'), { verified: 'bundle re-read: 2 assessments' })).toBe('bundle re-read: 2 assessments');
  });
});
