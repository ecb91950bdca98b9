import { describe, expect, it } from 'vitest';
import { resources, sourceLanguage, uiLanguages, type UiLanguage } from '../../locales/resources';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`)));
}

/** "home.count_one" → "home.count": plural variants differ by language (Japanese has only "other"). */
function baseKeys(keys: string[]): Set<string> {
  return new Set(keys.map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
}

function pluralSuffixes(language: string): string[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories;
}

function stringsOf(language: UiLanguage): Record<string, unknown> {
  const strings = resources[language];
  if (!strings) throw new Error(`locales/${language} has no strings registered in locales/resources.ts`);
  return strings;
}

describe('locales', () => {
  const source = resources[sourceLanguage];
  for (const language of uiLanguages) {
    for (const namespace of Object.keys(source) as Array<keyof typeof source>) {
      it(`${language}/${namespace} has every key of ${sourceLanguage}, and no other`, () => {
        const expected = baseKeys(leafKeys(source[namespace] as Tree));
        const actual = baseKeys(leafKeys(stringsOf(language)[namespace] as Tree));
        expect([...actual].sort()).toEqual([...expected].sort());
      });

      it(`${language}/${namespace} gives each plural key exactly the forms the language uses`, () => {
        const keys = leafKeys(stringsOf(language)[namespace] as Tree);
        const plurals = new Map<string, string[]>();
        for (const key of keys) {
          const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
          if (match) plurals.set(match[1]!, [...(plurals.get(match[1]!) ?? []), match[2]!]);
        }
        if (namespace === 'common') expect(plurals.size).toBeGreaterThan(0);
        for (const [key, forms] of plurals) {
          expect({ key, forms: forms.sort() }).toEqual({ key, forms: pluralSuffixes(language).sort() });
        }
      });

      it(`${language}/${namespace} has no empty strings and keeps every placeholder of ${sourceLanguage}`, () => {
        const flat = (tree: Tree, prefix = ''): Array<[string, string]> =>
          Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flat(v, `${prefix}${k}.`)));
        const sourceTexts = new Map(flat(source[namespace] as Tree).map(([k, v]) => [k.replace(/_(one|other)$/, ''), v]));
        for (const [key, text] of flat(stringsOf(language)[namespace] as Tree)) {
          expect(text.trim(), key).not.toBe('');
          const placeholders = (value: string) => new Set([...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
          const sourceText = sourceTexts.get(key.replace(/_(one|other)$/, ''));
          if (sourceText) {
            const wanted = [...placeholders(sourceText)].filter((p) => p !== 'count');
            for (const placeholder of wanted) expect(placeholders(text).has(placeholder), `${key} keeps {{${placeholder}}}`).toBe(true);
          }
        }
      });
    }
  }
});
