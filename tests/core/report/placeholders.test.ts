import { describe, expect, it } from 'vitest';
import { exportFormats, reportKinds } from '../../../core/api/exports-vocabulary';
import { resources } from '../../../locales/resources';
import { renderExport } from '../../../core/report/render-export';
import { visibleText } from './extract';
import { exportInput } from './report-fixture';
import { translationProblems } from './untranslated';

const languageSets = [['en'], ['ja'], ['en', 'ja'], ['ja', 'en']] as const;
// PDF is the HTML printed; its text is scanned in report.e2e.test.ts, where Chromium runs.
const formats = exportFormats.filter((f) => f !== 'pdf');

describe('every export in every language', () => {
  it.each(formats.flatMap((format) => reportKinds.flatMap((report) => languageSets.map((languages) => [format, report, languages] as const))))(
    '%s %s %j: no unfilled placeholder, no raw key, no English fallback',
    async (format, report, languages) => {
      const [language, secondLanguage] = languages;
      const file = await renderExport({ ...exportInput(format, report, { language, secondLanguage, baseline: true }), classification: 'official-use' });
      expect(translationProblems(await visibleText(file), languages)).toEqual([]);
    },
  );

  it('the scan finds what it looks for', () => {
    expect(translationProblems('Confidence: {{confidence}}', ['en'])).toHaveLength(1);
    expect(translationProblems('see summary.noOverall', ['en'])).toEqual(['raw key summary.noOverall']);
    expect(translationProblems(`見出し ${resources.en.report.method.excluded}`, ['ja'])[0]).toMatch(/^English text/);
    expect(translationProblems(`見出し ${resources.en.report.method.excluded}`, ['ja', 'en'])).toEqual([]);
  });
});
