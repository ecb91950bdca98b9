import type { SourceResources, UiLanguage } from '../../locales/resources';
import { createTranslator, type UiOverrides } from '../i18n/translator';
import { pickText, type LocalizedText } from '../model/pick-text';
import type { Txt } from './document';

type PluralBase<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;
/** "method.heading", "teamWithheld" (for teamWithheld_one/_other): the keys a caller may ask for. */
type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${PluralBase<K>}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Keys of the `report` namespace: a key missing from locales/en/report.json fails the type check. */
export type ReportKey = LeafKeys<SourceResources['report']>;
export type CommonKey = LeafKeys<SourceResources['common']>;

type Options = Record<string, string | number>;
type Translate = (key: string, options?: Options) => string;

/**
 * Produces every label in each report language at once, so a bilingual report cannot show a
 * label in one language and forget the other. Framework texts fall back to English per
 * language, and a second part equal to the first is dropped rather than printed twice.
 */
export interface Labels {
  readonly languages: readonly UiLanguage[];
  readonly primary: UiLanguage;
  /** A `report` label; options may differ per language (e.g. a list of level names). */
  t(key: ReportKey, options?: Options | ((language: UiLanguage) => Options)): Txt;
  /** A `common` label (modes, statuses, confidence words shared with the UI). */
  common(key: CommonKey): Txt;
  /** A framework or catalogue text in each report language. */
  text(value: LocalizedText): Txt;
  /** Anything computed per language: country names, dates. */
  each(make: (language: UiLanguage) => string): Txt;
  /** A `report` label in one given language, for composing texts inside `each`. */
  in(language: UiLanguage, key: ReportKey, options?: Options): string;
  /** A `common` label in one given language. */
  commonIn(language: UiLanguage, key: CommonKey): string;
}

export function createLabels(language: UiLanguage, secondLanguage?: UiLanguage, overrides: Partial<Record<UiLanguage, UiOverrides>> = {}): Labels {
  const languages: UiLanguage[] = secondLanguage && secondLanguage !== language ? [language, secondLanguage] : [language];
  // i18next's TFunction is typed by the UI's module augmentation, which core does not see; keys are checked by ReportKey instead.
  const report = new Map(languages.map((l) => [l, createTranslator(l, 'report', overrides[l]) as unknown as Translate]));
  const common = new Map(languages.map((l) => [l, createTranslator(l, 'common', overrides[l]) as unknown as Translate]));
  const each = (make: (l: UiLanguage) => string): Txt => ({ parts: dedupe(languages.map(make)) });
  return {
    languages,
    primary: language,
    t: (key, options) => each((l) => report.get(l)!(key, typeof options === 'function' ? options(l) : options)),
    common: (key) => each((l) => common.get(l)!(key)),
    text: (value) => each((l) => pickText(value, l)),
    each,
    in: (l, key, options) => (report.get(l) ?? report.get(language)!)(key, options),
    commonIn: (l, key) => (common.get(l) ?? common.get(language)!)(key),
  };
}

function dedupe(parts: string[]): string[] {
  return parts.length === 2 && parts[0] === parts[1] ? [parts[0]!] : parts;
}
