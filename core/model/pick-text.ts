/** A text in several languages; English is the source and always present. */
export type LocalizedText = { en: string } & Record<string, string>;

/** A text in English and whichever other languages it has been translated into so far. */
export type PartlyLocalizedText = { en: string } & Partial<Record<string, string>>;

/** The text in `language`, falling back to English when that language is missing or blank. */
export function pickText(text: PartlyLocalizedText, language: string): string {
  const value = text[language];
  return value !== undefined && value.trim() !== '' ? value : text.en;
}
