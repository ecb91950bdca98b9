import i18next, { type TFunction } from 'i18next';
import { resources, sourceLanguage, type UiLanguage } from '../../locales/resources';

/**
 * A translator for text core renders itself (reports). The UI uses the same resources through
 * react-i18next, so a string is translated once for both.
 */
export function createTranslator(language: UiLanguage, namespace: 'report' | 'common' = 'report'): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: sourceLanguage,
    ns: ['common', 'report'],
    defaultNS: namespace,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(language, namespace);
}
