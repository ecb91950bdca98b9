/// <reference types="vite/client" />
import i18next, { type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { PSEUDO_LANGUAGE, pseudoResources } from '../core/i18n/pseudo';
import enCommon from '../locales/en/common.json';
import { isUiLanguage, sourceLanguage, textDirection, type UiLanguage } from '../locales/languages';
import type { SourceResources } from '../locales/resources';
import { loadFonts } from './fonts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: SourceResources;
  }
}

/** A UI language, or the pseudo-locale the end-to-end tests run to find hard-coded and clipped texts. */
export type AppLanguage = UiLanguage | typeof PSEUDO_LANGUAGE;

const languageKey = 'ccat.language';

/**
 * English is in the app's code; every other language is a chunk of its own, fetched when it is
 * chosen, so the first screen carries English and the active language only. A language whose
 * files have not been added yet has no entry here and shows English.
 */
const bundled = import.meta.glob<ResourceLanguage>(['../locales/*/common.json', '!../locales/en/common.json'], { import: 'default' });

function bundledLoader(language: string): (() => Promise<ResourceLanguage>) | undefined {
  return bundled[`../locales/${language}/common.json`];
}

export function isAppLanguage(code: string): code is AppLanguage {
  return isUiLanguage(code) || code === PSEUDO_LANGUAGE;
}

/** The pseudo-locale is offered in development builds; a production build reaches it only through the stored choice (the end-to-end tests set it). */
export const pseudoInMenu = import.meta.env.DEV;

function initialLanguage(): AppLanguage {
  const stored = localStorage.getItem(languageKey);
  if (stored && isAppLanguage(stored)) return stored;
  const preferred = navigator.language.slice(0, 2);
  return isUiLanguage(preferred) ? preferred : sourceLanguage;
}

async function strings(language: AppLanguage): Promise<ResourceLanguage | undefined> {
  if (language === PSEUDO_LANGUAGE) return pseudoResources(enCommon) as ResourceLanguage;
  return bundledLoader(language)?.();
}

/** Fetches a language's strings once; English is always there. */
async function ensureLanguage(language: AppLanguage): Promise<void> {
  if (language === sourceLanguage || i18next.hasResourceBundle(language, 'common')) return;
  const common = await strings(language);
  if (common) i18next.addResourceBundle(language, 'common', common, true, true);
}

const FSI = '\u2068';
const PDI = '\u2069';

function isolate(value: unknown): string {
  const text = String(value);
  return textDirection(i18next.language) === 'rtl' && text !== '' ? `${FSI}${text}${PDI}` : text;
}

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
  void loadFonts(language);
}

/** Loads `language`'s strings and fonts, then switches the UI to it and remembers the choice. */
export async function switchLanguage(language: AppLanguage): Promise<void> {
  await ensureLanguage(language);
  await i18next.changeLanguage(language);
  localStorage.setItem(languageKey, language);
}

export async function setupI18n() {
  const language = initialLanguage();
  await i18next.use(initReactI18next).init({
    lng: sourceLanguage,
    fallbackLng: sourceLanguage,
    ns: ['common'],
    defaultNS: 'common',
    resources: { en: { common: enCommon } },
    initAsync: false,
    // React escapes; what the interpolation adds is bidi isolation: in Arabic a name, a number or a
    // Latin id put into a sentence (FSI … PDI) keeps its own direction and does not reorder the words around it.
    interpolation: { escapeValue: true, escape: isolate },
  });
  i18next.on('languageChanged', applyDocumentLanguage);
  applyDocumentLanguage(sourceLanguage);
  // A language that cannot be fetched (a file missing from a damaged install) leaves the UI in English rather than blank.
  await ensureLanguage(language).catch(() => undefined);
  if (language !== sourceLanguage) await i18next.changeLanguage(language);
  return i18next;
}
