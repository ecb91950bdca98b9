import { describe, expect, it } from 'vitest';
import { ok, useCores } from '../api/core-harness';
import { visibleText } from '../report/extract';
import { twoViews } from './two-views';

const { core } = useCores();

/** The report's text as a reader sees it, tags and line breaks folded to single spaces. */
function text(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe('the "Self-assessed vs assessed" report section', () => {
  it('shows both assessments as two radar series, both scores per capability and the indicators a level or more apart', async () => {
    const api = await core();
    const { field, self } = await twoViews(api);
    const html = await ok(api, 'exportAssessment', { id: field.id, format: 'html', language: 'en', compareWithId: self.id });
    const all = text(html.content);
    // From the section's heading to the first domain of the indicator list that follows it.
    const shown = all.slice(all.indexOf('Self-assessed vs assessed'), all.indexOf('1. Cyber hygiene: government and national CSIRT Assesses'));
    expect(shown).toContain('Self-assessed vs assessed');
    expect(shown).toContain('“Ghana field 2026” (Field assessment) beside “Ghana self 2026” (Self-assessment)');
    // The radar has the two assessments as series, named by mode and title.
    expect(html.content).toContain('Self-assessment: Ghana self 2026');
    expect(html.content).toContain('Field assessment: Ghana field 2026');
    // 1.1 strategy: field (2+3+1)/3 = 2, self (2+3+2)/3 = 2.33; 1.2 CSIRT: field (3+1)/2 = 2, self (2+4+3)/3 = 3.
    expect(shown).toContain('1.1 National cybersecurity strategy and lead agency 2.00 2.33 -0.33 ');
    expect(shown).toContain('1.2 National, government and sector CSIRTs 2.00 3.00 -1.00 ');
    expect(shown).toContain('2 indicators are rated one level or more apart.');
    expect(shown).toMatch(/1\.2\.1 Does a national CSIRT exist [^?]*\? Level 3 — Established Level 2 — Formative \+1 /);
    expect(shown).toMatch(/1\.2\.2 Which services [^?]*\? Level 1 — Start-up Level 4 — Strategic -3 /);
    // Unknown against a level is not "a level apart".
    expect(shown).not.toMatch(/1\.2\.3 Does the CSIRT have enough [^?]*\? Unknown/);
    // The other assessment's notes stay out of this report.
    expect(shown).not.toContain('Full service catalogue.');
  });

  it('is left out without a comparison, and is rendered in Japanese and in DOCX', async () => {
    const api = await core();
    const { field, self } = await twoViews(api);
    const plain = await ok(api, 'exportAssessment', { id: field.id, format: 'html', language: 'en' });
    expect(plain.content).not.toContain('Self-assessed vs assessed');
    const ja = text((await ok(api, 'exportAssessment', { id: self.id, format: 'html', language: 'ja', compareWithId: field.id })).content);
    expect(ja).toContain('自己評価と現地調査による評価の比較');
    expect(ja).toContain('評定が1レベル以上異なる指標は2件です。');
    const docx = await visibleText(await ok(api, 'exportAssessment', { id: field.id, format: 'docx', language: 'en', compareWithId: self.id }));
    expect(docx).toContain('Self-assessed vs assessed');
    expect(docx).toContain('Indicators rated differently');
  });
});
