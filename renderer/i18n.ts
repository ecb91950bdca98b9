/// <reference types="vite/client" />
import i18next, { type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { PSEUDO_LANGUAGE, pseudoResources } from '../core/i18n/pseudo';
import type { PackStatus } from '../core/i18n/language-pack/types';
import { isUiLanguage, sourceLanguage, textDirection, type UiLanguage } from '../locales/languages';
import { call } from './api';
import type { SourceResources } from '../locales/resources';
import { loadFonts } from './fonts';
import { bundledStrings, initialLanguage, languageKey, type AppLanguage } from './ui-strings';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: SourceResources;
  }
}

/** Reports are written in the UI language; the pseudo-locale's reports are English, its source. */
export function reportLanguage(language: string): UiLanguage {
  return isUiLanguage(language) ? language : sourceLanguage;
}

/** The pseudo-locale is offered in development builds; a production build reaches it only through the stored choice (the end-to-end tests set it). */
export const pseudoInMenu = import.meta.env.DEV;

async function strings(language: AppLanguage): Promise<ResourceLanguage | undefined> {
  if (language !== PSEUDO_LANGUAGE) return bundledStrings(language);
  await ensureShipped(sourceLanguage);
  return pseudoResources(i18next.getResourceBundle(sourceLanguage, 'common') as ResourceLanguage);
}

/** The language pack installed for each language asked about so far (null: none), as the data folder has it. */
const packs = new Map<UiLanguage, PackStatus | null>();
const packListeners = new Set<() => void>();
let packsVersion = 0;

/** Changes whenever what is known about installed packs changes (for useSyncExternalStore). */
export function packsSnapshot(): number {
  return packsVersion;
}

export function installedPack(language: UiLanguage): PackStatus | null | undefined {
  return packs.get(language);
}

export function onPacksChanged(listener: () => void): () => void {
  packListeners.add(listener);
  return () => packListeners.delete(listener);
}

/**
 * Lays an installed language pack's strings over the shipped ones (a pack corrects or completes
 * a language without a new release). Without a data folder to ask, or without a pack, the shipped strings stay.
 */
async function applyPack(language: AppLanguage): Promise<void> {
  if (!isUiLanguage(language) || packs.has(language)) return;
  const result = await call('getUiStrings', { language });
  if (!result.ok) return;
  packs.set(language, result.data.pack);
  if (result.data.pack) i18next.addResourceBundle(language, 'common', result.data.resources.common, true, true);
  packsVersion += 1;
  packListeners.forEach((listener) => listener());
}

/** Fetches a language's shipped strings once. */
async function ensureShipped(language: AppLanguage): Promise<void> {
  if (i18next.hasResourceBundle(language, 'common')) return;
  const common = await strings(language);
  if (common) i18next.addResourceBundle(language, 'common', common, true, true);
}

async function ensureLanguage(language: AppLanguage): Promise<void> {
  await ensureShipped(language);
  await applyPack(language);
}

/** After a pack was installed or removed: the language's strings are read again, and the screen shows them at once if it is in that language. */
export async function reloadLanguage(language: UiLanguage): Promise<void> {
  packs.delete(language);
  i18next.removeResourceBundle(language, 'common');
  await ensureLanguage(language);
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
    resources: {},
    initAsync: false,
    // Strings added later (a language pack) show at once.
    react: { bindI18nStore: 'added removed' },
    // React escapes; what the interpolation adds is bidi isolation: in Arabic a name, a number or a
    // Latin id put into a sentence (FSI … PDI) keeps its own direction and does not reorder the words around it.
    interpolation: { escapeValue: true, escape: isolate },
  });
  i18next.on('languageChanged', applyDocumentLanguage);
  applyDocumentLanguage(sourceLanguage);
  const shipped = await ensureShipped(language).then(
    () => i18next.hasResourceBundle(language, 'common'),
    () => false,
  );
  // English comes first only where it is shown: the UI language, or the stand-in for a language
  // without strings (not yet translated, or a file missing from a damaged install). Otherwise it
  // follows the first screen, as the fallback for a key a translation lacks.
  if (!shipped || language === sourceLanguage) await ensureShipped(sourceLanguage);
  else void ensureShipped(sourceLanguage).catch(() => undefined);
  if (language !== sourceLanguage) await i18next.changeLanguage(language);
  // The first screen does not wait for the data folder: an installed pack's strings replace the shipped ones when they arrive.
  void applyPack(language);
  return i18next;
}
