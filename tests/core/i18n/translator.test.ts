import { describe, expect, it } from 'vitest';
import { resources } from '../../../locales/resources';
import { createTranslator as typedTranslator } from '../../../core/i18n/translator';

// The renderer's i18next key typing (common namespace) reaches this project; core's report keys are plain strings here, as in core/report/labels.ts.
const createTranslator = (...args: Parameters<typeof typedTranslator>) => typedTranslator(...args) as unknown as (key: string) => string;

describe('createTranslator with an installed pack', () => {
  it("lets the pack's strings win and falls back to the shipped ones, then English, for the rest", () => {
    const t = createTranslator('ja', 'report', { report: { title: '能力評価（パック）' } });
    expect(t('title')).toBe('能力評価（パック）');
    expect(t('country')).toBe((resources.ja!.report as Record<string, string>).country);
    const km = createTranslator('km', 'report', { report: { title: 'របាយការណ៍' } });
    expect(km('title')).toBe('របាយការណ៍');
    expect(km('country')).toBe(createTranslator('km', 'report')('country'));
  });

  it('leaves the shipped strings untouched for translators made without the pack', () => {
    createTranslator('ja', 'report', { report: { title: '能力評価（パック）' } });
    expect(createTranslator('ja', 'report')('title')).toBe('サイバー能力評価報告書');
  });
});
