import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doubleBarrelMatch } from '../../../core/framework/check';
import { loadContentTranslations } from '../../../core/framework/load-library.node';
import { applyContentTranslations } from '../../../core/framework/translations';
import { uiLanguages } from '../../../locales/languages';
import { forbiddenTermHits, jsonTexts, terminologySchema, type LocatedText, type TermScope, type Terminology } from '../../../core/framework/terminology';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const terminology = terminologySchema.parse(JSON.parse(read('assessments/terminology/terminology.json')));

/** A guide, line by line ("docs/framework.ja.md:12"). */
function guideLines(file: string): LocatedText[] {
  return read(file)
    .split('\n')
    .map((text, index) => ({ path: `${file}:${index + 1}`, text }));
}

const translations = loadContentTranslations(join(root, 'assessments')).map((found) => found.translation);
const translated = (file: string, kind: 'framework' | 'catalogue') => {
  const content = JSON.parse(read(file)) as { id: string; version: string; languages?: string[] };
  return applyContentTranslations(content, kind, translations);
};

/** Every text the project ships in `language`, by scope: 1.0.0 is frozen as shipped and is not checked. */
function sourcesIn(language: string): Array<{ file: string; scope: TermScope; texts: () => Iterable<LocatedText> }> {
  const localeFiles = readdirSync(join(root, 'locales', language)).filter((f) => f.endsWith('.json'));
  return [
    { file: 'assessments/frameworks/ccat-1.1.0.json', scope: 'framework', texts: () => jsonTexts(translated('assessments/frameworks/ccat-1.1.0.json', 'framework'), language) },
    { file: 'assessments/catalogue/programmes.json', scope: 'catalogue', texts: () => jsonTexts(translated('assessments/catalogue/programmes.json', 'catalogue'), language) },
    ...localeFiles.map((name) => ({ file: `locales/${language}/${name}`, scope: 'ui' as const, texts: () => jsonTexts(JSON.parse(read(`locales/${language}/${name}`))) })),
    { file: `docs/framework.${language}.md`, scope: 'guide', texts: () => guideLines(`docs/framework.${language}.md`) },
  ];
}

describe('one terminology per language across the shipped texts', () => {
  it('covers every UI language', () => {
    expect([...terminology.languages].sort()).toEqual([...uiLanguages].sort());
  });

  for (const language of terminology.languages.filter((l) => l !== 'en')) {
    it.each(sourcesIn(language).map((s) => [s.file, s] as const))(`%s uses no ${language} term the terminology forbids`, (file, { scope, texts }) => {
      const all = [...texts()];
      expect(all.length).toBeGreaterThan(0);
      const hits = forbiddenTermHits(terminology, scope, language, all).map((hit) => `${file} ${hit.path}: "${hit.forbidden}" → use "${hit.use}" (${hit.rule})`);
      expect(hits).toEqual([]);
    });
  }
});

describe('the forbidden-term rules', () => {
  const rules: Terminology = terminologySchema.parse({
    schemaVersion: 2,
    languages: ['en', 'ja'],
    terms: [
      { id: 'domain', term: { en: 'domain', ja: '領域' }, definition: { en: 'd' }, forbidden: { ja: [{ text: 'ドメイン', allowedIn: ['ドメイン名', 'トップレベルドメイン'] }] } },
      { id: 'only-ui', term: { en: 'x', ja: 'エックス' }, definition: { en: 'd' }, forbidden: { ja: [{ text: 'ばつ', allowedIn: [] }] }, appliesTo: ['ui'] },
    ],
    styleRules: [{ id: 'or', language: 'ja', forbidden: 'または', use: '又は', appliesTo: ['framework', 'guide'] }],
  });
  const hits = (scope: TermScope, text: string) => forbiddenTermHits(rules, scope, 'ja', [{ path: 'p', text }]).map((h) => h.forbidden);

  it('finds a forbidden variant and says what to use', () => {
    expect(forbiddenTermHits(rules, 'catalogue', 'ja', [{ path: 'a.b.ja', text: 'サイバー衛生ドメインでは' }])).toEqual([{ path: 'a.b.ja', forbidden: 'ドメイン', use: '領域', rule: 'domain' }]);
  });

  it('allows the variant inside the longer strings where it is legitimate, but not beside them', () => {
    expect(hits('framework', 'ドメイン名とトップレベルドメインの管理')).toEqual([]);
    expect(hits('framework', 'ドメイン名の管理と重要インフラドメイン')).toEqual(['ドメイン']);
  });

  it('applies a term only in its scopes, and a style rule only in its scopes', () => {
    expect(hits('ui', 'ばつ')).toEqual(['ばつ']);
    expect(hits('catalogue', 'ばつ')).toEqual([]);
    expect(hits('guide', 'A又はB、またはC')).toEqual(['または']);
    expect(hits('ui', 'A又はB、またはC')).toEqual([]);
  });

  it('names a text by the ids along its path', () => {
    const texts = [...jsonTexts({ domains: [{ id: 'hygiene', title: { en: 'Hygiene', ja: '衛生' } }], languages: ['en', 'ja'] }, 'ja')];
    expect(texts).toEqual([{ path: 'domains[hygiene].title.ja', text: '衛生' }]);
  });
});

describe('the double-barrel heuristic', () => {
  it.each([
    ['en', 'Is there a strategy, and is it funded?', ', and is'],
    ['en', 'Do regulators supervise operators and enforce the requirements?', ' and enforce the'],
    ['en', 'Are senior officials aware of cyber risk and of their responsibilities?', undefined],
    ['en', 'Is there a plan for incidents and exercises?', undefined],
    ['ja', '戦略を策定し、及びこれを公表しているか。', 'し、及び'],
    ['ja', '立場はどうか。また、国内法は整合しているか。', 'か。また、国内法は整合しているか。'],
    ['ja', '施設、機材及び処理能力を備えたラボがあるか。', undefined],
  ])('%s "%s" → %s', (language, question, match) => {
    expect(doubleBarrelMatch(question, language)).toBe(match);
  });
});
