import { describe, expect, it } from 'vitest';
import { resources, uiLanguages, type SourceResources } from '../../locales/resources';

/** An agency assessing itself plans its own needs; the donor's words must not leak into what it reads. */
const donorWords = /donor|recommend|JICA|Japan|ドナー|推奨|日本|日系/i;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
}

describe('self-assessment wording', () => {
  for (const language of uiLanguages) {
    // Plural keys differ between languages; the phrases read here are not plural.
    const common = (resources[language] as SourceResources | undefined)?.common ?? ({ setup: { context: {} }, plan: { voice: { self: {}, field: {} } } } as unknown as SourceResources['common']);
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
