/** A text in several languages; English is the source and always present. */
export type LocalizedText = { en: string } & Record<string, string>;

/** The text in `language`, falling back to English when that language is missing or blank. */
export function pickText(text: { en: string } & Partial<Record<string, string>>, language: string): string {
  const value = text[language];
  return value !== undefined && value.trim() !== '' ? value : text.en;
}
