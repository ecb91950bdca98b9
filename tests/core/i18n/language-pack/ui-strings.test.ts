import { describe, expect, it } from 'vitest';
import { flattenUi, nestUi, pluralCategories, uiSourceUnits } from '../../../../core/i18n/language-pack/ui-strings';

const english = flattenUi({ common: { home: { count_one: '{{count}} assessment', count_other: '{{count}} assessments', title: 'Home' } }, report: { title: 'Report' } });

describe('UI strings as pack units', () => {
  it('flattens both namespaces to namespace:dotted.key and nests them back', () => {
    expect([...english.keys()]).toEqual(['common:home.count_one', 'common:home.count_other', 'common:home.title', 'report:title']);
    expect(nestUi(english)).toEqual({ common: { home: { count_one: '{{count}} assessment', count_other: '{{count}} assessments', title: 'Home' } }, report: { title: 'Report' } });
  });

  it("expands a plural group to the target language's CLDR categories, with the English one/other text as source", () => {
    expect(pluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(uiSourceUnits(english, 'ar').filter((u) => u.plural).map((u) => [u.id, u.source])).toEqual([
      ['common:home.count_zero', '{{count}} assessments'],
      ['common:home.count_one', '{{count}} assessment'],
      ['common:home.count_two', '{{count}} assessments'],
      ['common:home.count_few', '{{count}} assessments'],
      ['common:home.count_many', '{{count}} assessments'],
      ['common:home.count_other', '{{count}} assessments'],
    ]);
    expect(uiSourceUnits(english, 'km').map((u) => u.id)).toEqual(['common:home.count_other', 'common:home.title', 'report:title']);
    expect(uiSourceUnits(english, 'fr').filter((u) => u.plural).map((u) => u.plural!.category)).toEqual(['one', 'many', 'other']);
  });
});
