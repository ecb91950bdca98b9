import { z } from 'zod';
import { isLocalizedText, withContentTranslations, type ContentTexts } from '../i18n/content-keys';
import { languageCode } from '../model/localized-text';

/**
 * A translation of one content file into one language, kept beside the file rather than in it
 * (assessments/translations/<language>/<file>.json, or an installed language pack), so a language
 * can be added or corrected without touching the framework and without loading every language.
 */
export const contentTranslationSchema = z.strictObject({
  language: languageCode,
  content: z.strictObject({ kind: z.enum(['framework', 'catalogue']), id: z.string().min(1), version: z.string().min(1) }),
  texts: z.record(z.string().min(1), z.string()),
});
export type ContentTranslation = z.infer<typeof contentTranslationSchema>;

/** Keys of `texts` that a content file does not have (`known`: its contentKeySet): a translation made for another version, or a typo. */
export function unknownContentKeys(known: ReadonlySet<string>, texts: ContentTexts): string[] {
  return Object.keys(texts).filter((key) => !known.has(key));
}

/** `content` with each translation of it filled in; `languages` (a framework's declared languages) grows by each one applied. */
export function applyContentTranslations<T extends { id: string; version: string; languages?: string[] }>(
  content: T,
  kind: ContentTranslation['content']['kind'],
  translations: readonly ContentTranslation[],
): T {
  const applying = translations.filter(({ content: c }) => c.kind === kind && c.id === content.id && c.version === content.version);
  if (applying.length === 0) return content;
  const result = withContentTranslations(content, applying);
  if (!result.languages) return result;
  const languages = [...new Set([...result.languages, ...applying.map((t) => t.language)])];
  return languages.length === result.languages.length ? result : { ...result, languages };
}

/** Only English and `languages`: what a screen needs, not the eight languages the library holds. */
export function keepLanguages<T>(content: T, languages: readonly string[]): T {
  const keep = new Set(['en', ...languages]);
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const isText = isLocalizedText(record);
    return Object.fromEntries(Object.entries(record).filter(([key]) => !isText || keep.has(key)).map(([key, child]) => [key, isText ? child : visit(child)]));
  };
  return visit(content) as T;
}
