/// <reference types="vite/client" />
import type { ResourceLanguage } from 'i18next';
import { PSEUDO_LANGUAGE } from '../core/i18n/pseudo';
import { isUiLanguage, sourceLanguage, type UiLanguage } from '../locales/languages';

/** A UI language, or the pseudo-locale the end-to-end tests run to find hard-coded and clipped texts. */
export type AppLanguage = UiLanguage | typeof PSEUDO_LANGUAGE;

export const languageKey = 'ccat.language';

/**
 * Each language's strings are a chunk of their own, fetched when the language is chosen, so the
 * first screen carries the active language only (English, the fallback for a missing key, follows
 * after it). A language whose files have not been added yet has no entry here and shows English.
 */
const bundled = import.meta.glob<ResourceLanguage>('../locales/*/common.json', { import: 'default' });

export function bundledStrings(language: string): Promise<ResourceLanguage> | undefined {
  return bundled[`../locales/${language}/common.json`]?.();
}

export function isAppLanguage(code: string): code is AppLanguage {
  return isUiLanguage(code) || code === PSEUDO_LANGUAGE;
}

export function initialLanguage(): AppLanguage {
  const stored = localStorage.getItem(languageKey);
  if (stored && isAppLanguage(stored)) return stored;
  const preferred = navigator.language.slice(0, 2);
  return isUiLanguage(preferred) ? preferred : sourceLanguage;
}

/**
 * Called by the boot script: the first screen's strings are fetched beside the app's code instead
 * of after it has run. The browser keeps the module, so the i18n setup's own import finds it there.
 */
export function prefetchInitialStrings(): void {
  const language = initialLanguage();
  void bundledStrings(language === PSEUDO_LANGUAGE ? sourceLanguage : language)?.catch(() => undefined);
}
