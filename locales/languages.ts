import registry from './languages.json';

/**
 * The languages CCAT speaks, with how far each can be trusted. English is the source; Japanese
 * is a reviewed second source; the others start as drafts until a named native speaker reviews them.
 * This module holds no strings, so the renderer can import it without loading every language.
 */
export const sourceLanguage = 'en';
export const uiLanguages = ['en', 'ja', 'vi', 'id', 'th', 'km', 'fr', 'ar'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export type LanguageStatus = { kind: 'source' } | { kind: 'draft' } | { kind: 'reviewed'; reviewer: string; reviewedOn: string };

export interface LanguageInfo {
  code: UiLanguage;
  nativeName: string;
  /**
   * How this language writes a language's name inside a sentence, where that differs from the
   * name as a title: "bahasa Inggris", "tiếng Anh" (not "Tiếng Anh"), "ภาษาอังกฤษ", "français".
   * A prefix the name already starts with, in any case, is put in its running-text case.
   */
  namesInText?: { prefix?: string; lowercase?: boolean };
  englishName: string;
  direction: 'ltr' | 'rtl';
  status: LanguageStatus;
}

export const languages: readonly LanguageInfo[] = registry.languages as LanguageInfo[];

export function isUiLanguage(code: string): code is UiLanguage {
  return (uiLanguages as readonly string[]).includes(code);
}

export function languageInfo(code: UiLanguage): LanguageInfo {
  const info = languages.find((l) => l.code === code);
  if (!info) throw new Error(`locales/languages.json has no entry for "${code}"`);
  return info;
}

export function textDirection(code: string): 'ltr' | 'rtl' {
  return isUiLanguage(code) ? languageInfo(code).direction : 'ltr';
}

/** A language's name as a reader of `inLanguage` calls it ("Khmer", "クメール語"), its code where Intl has no name for it. */
export function languageName(code: string, inLanguage: string): string {
  // A language's name for itself comes from the registry: Chromium's trimmed ICU data names Khmer "Khmer" even in Khmer.
  if (code === inLanguage && isUiLanguage(code)) return languageInfo(code).nativeName;
  try {
    return new Intl.DisplayNames([inLanguage, 'en'], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** `languageName` as it stands inside a sentence of `inLanguage` ("Văn bản tiếng Anh…", "Teks dalam bahasa Thai…"). */
export function languageNameInText(code: string, inLanguage: string): string {
  const name = languageName(code, inLanguage);
  const rule = isUiLanguage(inLanguage) ? languageInfo(inLanguage).namesInText : undefined;
  if (rule?.lowercase === true) return name.toLocaleLowerCase(inLanguage);
  const prefix = rule?.prefix;
  if (prefix === undefined) return name;
  const hasPrefix = name.toLocaleLowerCase(inLanguage).startsWith(prefix.toLocaleLowerCase(inLanguage));
  return prefix + (hasPrefix ? name.slice(prefix.length) : name);
}
