import type { LocalizedText } from '../model/pick-text';

/**
 * Every translatable text of a content file (framework, catalogue) has a stable key, so a
 * translation can live in its own file and travel in a language pack without copying the
 * structure. The key is the path from the nearest element with an `id` (or a `level`):
 * `indicators/hygiene.strategy.document/question`, `indicators/…/descriptors/0`,
 * `levels/3/name`, `title`. Ids are unique within a content file, so the keys are too.
 */
export type ContentTexts = Record<string, string>;

export function isLocalizedText(value: unknown): value is LocalizedText {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record.en === 'string' && Object.values(record).every((v) => typeof v === 'string');
}

function elementSegment(element: unknown, index: number): { segment: string; resets: boolean } {
  // A text is never an id-bearing element, though its Indonesian ("id") looks like an id.
  if (isLocalizedText(element)) return { segment: String(index), resets: false };
  if (element !== null && typeof element === 'object' && !Array.isArray(element)) {
    const record = element as Record<string, unknown>;
    if (typeof record.id === 'string') return { segment: record.id, resets: true };
    if (typeof record.level === 'number') return { segment: String(record.level), resets: true };
  }
  return { segment: String(index), resets: false };
}

function visit(value: unknown, path: string, onText: (key: string, text: LocalizedText) => void): void {
  if (isLocalizedText(value)) {
    onText(path, value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((element, index) => {
      const { segment, resets } = elementSegment(element, index);
      const arrayName = path.split('/').pop() ?? '';
      visit(element, resets ? `${arrayName}/${segment}` : `${path}/${segment}`, onText);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$schema') continue;
      visit(child, path === '' ? key : `${path}/${key}`, onText);
    }
  }
}

/** Each translatable text of `content` with its key, in document order. */
export function contentTextEntries(content: unknown): Array<{ key: string; text: LocalizedText }> {
  const entries: Array<{ key: string; text: LocalizedText }> = [];
  const seen = new Set<string>();
  visit(content, '', (key, text) => {
    if (seen.has(key)) throw new Error(`Two texts share the content key "${key}"`);
    seen.add(key);
    entries.push({ key, text });
  });
  return entries;
}

/** The keys `content` has; unlike contentTextEntries it does not refuse duplicates (a check reports those itself). */
export function contentKeySet(content: unknown): Set<string> {
  const keys = new Set<string>();
  visit(content, '', (key) => keys.add(key));
  return keys;
}

/** The texts of one language, by key (blank and missing texts left out). */
export function contentTexts(content: unknown, language: string): ContentTexts {
  const texts: ContentTexts = {};
  for (const { key, text } of contentTextEntries(content)) {
    const value = text[language];
    if (value !== undefined && value.trim() !== '') texts[key] = value;
  }
  return texts;
}

/**
 * A copy of `content` with `language` filled in from `texts` (keys the content does not have are
 * ignored here; a pack import reports them). The shipped file is never changed.
 */
export function withContentTexts<T>(content: T, language: string, texts: ContentTexts): T {
  return withContentTranslations(content, [{ language, texts }]);
}

/**
 * `withContentTexts` for several languages in one copy and one walk (loading the library applies
 * a dozen): a later entry for the same language overrides an earlier one, as an installed pack
 * overrides the shipped translation.
 */
export function withContentTranslations<T>(content: T, translations: ReadonlyArray<{ language: string; texts: ContentTexts }>): T {
  const copy = structuredClone(content);
  visit(copy, '', (key, text) => {
    for (const { language, texts } of translations) {
      const value = texts[key];
      if (value !== undefined && value.trim() !== '') (text as Record<string, string>)[language] = value;
    }
  });
  return copy;
}
