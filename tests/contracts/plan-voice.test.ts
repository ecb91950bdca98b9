import { describe, expect, it } from 'vitest';
import { resources, uiLanguages, type SourceResources } from '../../locales/resources';

/** An agency assessing itself plans its own needs; the donor's words must not leak into what it reads. */
const donorWordsIn: Record<string, RegExp> = {
  en: /donor|recommend|JICA|Japan/i,
  ja: /ドナー|推奨|日本|日系|JICA/,
  vi: /nhà tài trợ|khuyến nghị|Nhật Bản|JICA/i,
  id: /donor|rekomendasi|direkomendasikan|Jepang|JICA/i,
  th: /ผู้ให้ความช่วยเหลือ|ผู้บริจาค|ผู้ให้ทุน|แนะนำ|ญี่ปุ่น|JICA/,
  km: /ម្ចាស់ជំនួយ|ណែនាំ|ជប៉ុន|JICA/,
  fr: /bailleur|donateur|recommand|Japon|JICA/i,
  ar: /مانح|موصى|توصي|توصية|اليابان|JICA/,
};

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
}

describe('self-assessment wording', () => {
  for (const language of uiLanguages) {
    const donorWords = donorWordsIn[language]!;
    // Plural keys differ between languages; the phrases read here are not plural.
    const common = (resources[language] as SourceResources).common;
    const selfContext = Object.entries(common.setup.context).filter(([key]) => key.startsWith('self'));

    it(`speaks as the agency, not as a donor, in the plan and the context step (${language})`, () => {
      expect(strings(common.plan.voice.self).filter((s) => donorWords.test(s))).toEqual([]);
      expect(selfContext.map(([, s]) => s).filter((s) => donorWords.test(s))).toEqual([]);
      // The field team's own words do speak of donors and recommendations: the check above can fail.
      expect(strings(common.plan.voice.field).some((s) => donorWords.test(s))).toBe(true);
    });

    it(`has every plan phrase in both voices (${language})`, () => {
      expect(Object.keys(common.plan.voice.self).sort()).toEqual(Object.keys(common.plan.voice.field).sort());
      expect(selfContext.length).toBeGreaterThan(0);
    });
  }
});
