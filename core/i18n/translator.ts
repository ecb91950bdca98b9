import i18next, { type ResourceLanguage, type TFunction } from 'i18next';
import { resources, sourceLanguage, type UiLanguage } from '../../locales/resources';
import { flattenUi, nestUi, type UiResources } from './language-pack/ui-strings';

/** UI strings that replace shipped ones, by namespace (an installed language pack's, see packUiResources). */
export type UiOverrides = Partial<UiResources>;

/** The shipped strings of `language` with `overrides` laid over them, as a new object (the shipped ones stay untouched). */
function withOverrides(language: UiLanguage, overrides: UiOverrides): ResourceLanguage {
  const flat = flattenUi(resources[language] ?? {});
  for (const [id, text] of flattenUi(overrides)) flat.set(id, text);
  return nestUi(flat);
}

/**
 * A translator for text core renders itself (reports). The UI uses the same resources through
 * react-i18next, so a string is translated once for both. `overrides` (an installed language
 * pack's strings for `language`) win over the shipped strings; what they leave out falls back to
 * the shipped translation, then to English.
 */
export function createTranslator(language: UiLanguage, namespace: 'report' | 'common' = 'report', overrides?: UiOverrides): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: sourceLanguage,
    ns: ['common', 'report'],
    defaultNS: namespace,
    resources: overrides ? { ...resources, [language]: withOverrides(language, overrides) } : resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(language, namespace);
}
