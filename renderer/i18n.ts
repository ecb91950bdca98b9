import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, sourceLanguage, uiLanguages, type SourceResources, type UiLanguage } from '../locales/resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: SourceResources;
  }
}

const languageKey = 'ccat.language';

function initialLanguage(): UiLanguage {
  const stored = localStorage.getItem(languageKey);
  if (stored && (uiLanguages as readonly string[]).includes(stored)) return stored as UiLanguage;
  const preferred = navigator.language.slice(0, 2);
  return (uiLanguages as readonly string[]).includes(preferred) ? (preferred as UiLanguage) : sourceLanguage;
}

export function setupI18n() {
  void i18next.use(initReactI18next).init({
    lng: initialLanguage(),
    fallbackLng: sourceLanguage,
    ns: ['common', 'report'],
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    localStorage.setItem(languageKey, language);
  });
  return i18next;
}
