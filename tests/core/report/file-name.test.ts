import { describe, expect, it } from 'vitest';
import { exportFileName, safeFileName } from '../../../core/report/file-name';

describe('file names CCAT writes or offers', () => {
  it('drops every bidirectional control (U+202A–U+202E, U+2066–U+2069) and control character', () => {
    const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(safeFileName(`report${bidi}\u0000\u001f\u007f\u0085fdp.exe`)).toBe('reportfdp.exe');
    expect(safeFileName('../../etc/passwd')).toBe('etcpasswd');
    expect(safeFileName('ベトナム 評価.pdf')).toBe('ベトナム 評価.pdf');
  });

  it('an export of an assessment whose title hides a right-to-left override gets a plain name', () => {
    const generatedAt = new Date('2026-03-05T08:00:00Z');
    expect(exportFileName({ title: 'Ghana\u202Efdp.exe', country: 'GH' }, { format: 'html', report: 'full', language: 'en', redact: false, generatedAt })).toBe(
      'Ghanafdp.exe-GH-full-en-2026-03-05.html',
    );
  });
});
