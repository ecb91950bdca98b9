import type { UiLanguage } from '../../../locales/languages';
import type { Catalogue } from '../../model/catalogue';
import type { Framework } from '../../model/framework';
import { contentTextEntries, contentTexts, type ContentTexts } from '../content-keys';
import { guideUnits, matchGuideTexts } from './guide';
import type { InstalledPack, PackUnit } from './types';
import { flattenUi, uiSourceUnits } from './ui-strings';

export type ContentKind = 'framework' | 'catalogue';

/** What ships with the app for every language: what a pack is made from and falls back to. */
export interface ShippedTexts {
  /** i18next resources by language (locales/<L>/*.json). */
  ui: Partial<Record<UiLanguage, Record<string, unknown>>>;
  /** The current framework (1.1) and the catalogue, whose English texts are the sources. */
  framework: Framework | undefined;
  catalogue: Catalogue | undefined;
  /** Translations shipped beside the content files (assessments/translations/<L>/), by language. */
  contentTranslations: Partial<Record<UiLanguage, Partial<Record<ContentKind, ContentTexts>>>>;
  /** The assessor's guide's Markdown by language (docs/framework.md, docs/framework.<L>.md). */
  guide: Partial<Record<UiLanguage, string>>;
}

/**
 * Short one-line UI texts (buttons, tabs, labels, column heads) sit in tight space. The layouts
 * are tested with the pseudo-locale at 40 % longer than English, so up to that is known to fit;
 * a translation longer than that gets a warning (never a refusal: some scripts need it).
 */
export const TIGHT_SOURCE_LENGTH = 32;
export const TIGHT_GROWTH = 1.4;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Length as a reader sees it: Thai and Khmer vowel signs and Vietnamese tone marks are not extra characters. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.segment) count++;
  return count;
}

function tightLimit(source: string): number | undefined {
  if (source.includes('\n')) return undefined;
  const length = visibleLength(source);
  return length <= TIGHT_SOURCE_LENGTH ? Math.max(length + 3, Math.ceil(length * TIGHT_GROWTH)) : undefined;
}

function contentNote(kind: ContentKind, header: string, key: string): string {
  const where = key.split('/');
  const last = where.at(-1)!;
  const level = where.at(-2) === 'descriptors' ? ` (the descriptor of level ${Number(last) + 1})` : '';
  return `${kind === 'framework' ? 'Framework' : 'Support catalogue'} ${header}: ${where.join(' › ')}${level}`;
}

export interface ContentSource {
  kind: ContentKind;
  id: string;
  version: string;
  entries: Array<{ key: string; source: string; shipped: string | undefined }>;
}

/** The content files' texts for `language`: English source and the shipped translation (translations file, else the file's own). */
export function contentSources(shipped: ShippedTexts, language: UiLanguage): ContentSource[] {
  const sources: ContentSource[] = [];
  for (const [kind, content] of [
    ['framework', shipped.framework],
    ['catalogue', shipped.catalogue],
  ] as const) {
    if (!content) continue;
    const own = contentTexts(content, language);
    const translated = shipped.contentTranslations[language]?.[kind] ?? {};
    sources.push({
      kind,
      id: content.id,
      version: content.version,
      entries: contentTextEntries(content).map(({ key, text }) => ({ key, source: text.en, shipped: translated[key] ?? own[key] })),
    });
  }
  return sources;
}

/**
 * Every translatable unit for `language`, in a stable order (UI, framework, catalogue, guide),
 * with the text the language has now: the installed pack's, else the shipped one, else empty.
 */
export function packUnits(shipped: ShippedTexts, language: UiLanguage, pack?: InstalledPack): PackUnit[] {
  const english = flattenUi(shipped.ui.en ?? {});
  const translatedUi = flattenUi(shipped.ui[language] ?? {});
  const current = (id: string, shippedText: string | undefined) => pack?.texts[id] ?? shippedText ?? '';
  const units: PackUnit[] = [];
  for (const unit of uiSourceUnits(english, language)) {
    const maxLength = unit.plural ? undefined : tightLimit(unit.source);
    const namespace = unit.id.slice(0, unit.id.indexOf(':'));
    const parts = [`UI text (${namespace === 'report' ? 'reports' : 'screens'})`];
    if (unit.plural) parts.push(`plural form "${unit.plural.category}"; {{count}} is the number`);
    if (maxLength !== undefined) parts.push(`short label: keep within about ${maxLength} characters`);
    units.push({ id: unit.id, kind: 'ui', source: unit.source, target: current(unit.id, translatedUi.get(unit.id)), note: parts.join('; '), ...(maxLength === undefined ? {} : { maxLength }) });
  }
  for (const content of contentSources(shipped, language)) {
    const header = `${content.id} ${content.version}`;
    for (const entry of content.entries) {
      const id = `${content.kind}:${entry.key}`;
      units.push({ id, kind: content.kind, source: entry.source, target: current(id, entry.shipped), note: contentNote(content.kind, header, entry.key) });
    }
  }
  const englishGuide = shipped.guide.en;
  if (englishGuide !== undefined) {
    const translatedGuide = shipped.guide[language];
    const matched = language === 'en' ? new Map<string, string>() : translatedGuide === undefined ? new Map<string, string>() : matchGuideTexts(englishGuide, translatedGuide);
    for (const unit of guideUnits(englishGuide)) {
      const section = unit.id.slice('guide:'.length, unit.id.lastIndexOf('/'));
      units.push({
        id: unit.id,
        kind: 'guide',
        source: unit.text,
        target: current(unit.id, language === 'en' ? unit.text : matched.get(unit.id)),
        note: `Assessor's guide, section #${section}, ${unit.what}; keep the Markdown (**bold**, \`code\`, [links](…))`,
      });
    }
  }
  return units;
}

/** Percent of units with a translation, rounded down to a tenth (a few texts of thousands still show); 100 when there is nothing to translate. */
export function completeness(units: readonly PackUnit[]): number {
  if (units.length === 0) return 100;
  const done = units.filter((u) => u.target.trim() !== '').length;
  return Math.floor((done * 1000) / units.length) / 10;
}
