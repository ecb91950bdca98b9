/**
 * UI strings as pack units: i18next's nested resources flattened to `namespace:dotted.key`,
 * plural keys expanded to the CLDR categories of the target language.
 */
export const uiNamespaces = ['common', 'report'] as const;
export type UiNamespace = (typeof uiNamespaces)[number];
export type UiResources = Record<UiNamespace, Record<string, unknown>>;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** `{ 'common:rating.next': 'Next', … }` for every string of `resources`. */
export function flattenUi(resources: Partial<Record<string, unknown>>): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') flat.set(path, value);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path.endsWith(':') ? `${path}${key}` : `${path}.${key}`);
    }
  };
  for (const ns of uiNamespaces) walk(resources[ns], `${ns}:`);
  return flat;
}

/** The nested resources for flat `namespace:dotted.key` strings (the inverse of flattenUi). */
export function nestUi(flat: Iterable<[string, string]>): UiResources {
  const nested: UiResources = { common: {}, report: {} };
  for (const [id, text] of flat) {
    const colon = id.indexOf(':');
    const ns = id.slice(0, colon) as UiNamespace;
    if (!uiNamespaces.includes(ns)) continue;
    const path = id.slice(colon + 1).split('.');
    let node: Record<string, unknown> = nested[ns];
    for (const segment of path.slice(0, -1)) {
      const child = node[segment];
      node = (Object.hasOwn(node, segment) && child !== null && typeof child === 'object' ? child : (node[segment] = {})) as Record<string, unknown>;
    }
    node[path.at(-1)!] = text;
  }
  return nested;
}

/** `base` plus `category` (`common:home.count` + `few`). */
export function pluralKey(base: string, category: string): string {
  return `${base}_${category}`;
}

/** The plural categories a language's cardinal numbers use, from CLDR via Intl (ar: zero one two few many other). */
export function pluralCategories(language: string): string[] {
  const order = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  return order.filter((c) => categories.includes(c));
}

export interface UiSourceUnit {
  id: string;
  source: string;
  /** For plural forms: the key without its category, and the category. */
  plural?: { base: string; category: string };
}

/**
 * The UI units `language` needs: each English string once, and each English plural group once
 * per category of `language`, with the English `_one` text for `one` and `_other` for the rest.
 */
export function uiSourceUnits(english: Map<string, string>, language: string): UiSourceUnit[] {
  const categories = pluralCategories(language);
  const units: UiSourceUnit[] = [];
  const done = new Set<string>();
  for (const [id, text] of english) {
    const match = pluralSuffix.exec(id);
    if (!match) {
      units.push({ id, source: text });
      continue;
    }
    const base = id.slice(0, match.index);
    if (done.has(base)) continue;
    done.add(base);
    for (const category of categories) {
      const source = english.get(pluralKey(base, category)) ?? english.get(pluralKey(base, 'other')) ?? text;
      units.push({ id: pluralKey(base, category), source, plural: { base, category } });
    }
  }
  return units;
}

/** The base of a plural key whose group exists in English (`common:home.count_few` → `common:home.count`). */
export function pluralBase(id: string, english: Map<string, string>): { base: string; category: string } | undefined {
  const match = pluralSuffix.exec(id);
  if (!match) return undefined;
  const base = id.slice(0, match.index);
  return english.has(pluralKey(base, 'other')) ? { base, category: match[1]! } : undefined;
}
