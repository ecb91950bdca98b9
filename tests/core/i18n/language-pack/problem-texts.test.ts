import { describe, expect, it } from 'vitest';
import en from '../../../../locales/en/common.json';
import ja from '../../../../locales/ja/common.json';
import { packProblemCodes } from '../../../../core/i18n/language-pack/types';

describe('language-pack problem texts', () => {
  it('the UI has a text in English and Japanese for every problem code an import can report, and for no other', () => {
    for (const strings of [en, ja]) {
      expect(Object.keys(strings.settings.languages.problems).sort()).toEqual([...packProblemCodes].sort());
    }
  });
});
