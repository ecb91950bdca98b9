import { z } from 'zod';
import { languageCode, localizedText } from '../model/localized-text';
import { pickText } from '../model/pick-text';

/** Where a text lives: the framework file, the programme catalogue, the UI strings, the assessor's guide. */
export const termScopes = ['framework', 'catalogue', 'ui', 'guide'] as const;
export type TermScope = (typeof termScopes)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const appliesTo = z.array(z.enum(termScopes)).min(1);

const forbiddenVariant = z.strictObject({
  text: z.string().min(1),
  /** Longer strings in which the forbidden text is legitimate (ドメイン inside ドメイン名). */
  allowedIn: z.array(z.string().min(1)),
});

const term = z.strictObject({
  id: slug,
  /** The term in each language; not beside `id`, where Indonesian ("id") would collide with it. */
  term: localizedText,
  definition: localizedText,
  forbidden: z.record(languageCode, z.array(forbiddenVariant)).optional(),
  /** Without it, a term's forbidden variants apply everywhere. */
  appliesTo: appliesTo.optional(),
});

const styleRule = z.strictObject({ id: slug, language: languageCode, forbidden: z.string().min(1), use: z.string().min(1), appliesTo });

/** assessments/terminology/terminology.json: one term per concept and language, and the variants nobody may use. */
export const terminologySchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(2),
  languages: z.array(languageCode).min(1),
  terms: z.array(term),
  styleRules: z.array(styleRule),
});
export type Terminology = z.infer<typeof terminologySchema>;

export interface LocatedText {
  /** Where a person finds the text: a key path or a file line. */
  path: string;
  text: string;
}

export interface TermHit {
  path: string;
  /** The forbidden text found. */
  forbidden: string;
  /** What to write instead. */
  use: string;
  /** The term id or style-rule id that forbids it. */
  rule: string;
}

interface Ban {
  forbidden: string;
  allowedIn: string[];
  use: string;
  rule: string;
}

function bansFor(terminology: Terminology, scope: TermScope, language: string): Ban[] {
  const bans: Ban[] = [];
  for (const t of terminology.terms) {
    if (t.appliesTo && !t.appliesTo.includes(scope)) continue;
    const use = pickText(t.term, language);
    for (const variant of t.forbidden?.[language] ?? []) bans.push({ forbidden: variant.text, allowedIn: variant.allowedIn, use, rule: t.id });
  }
  for (const rule of terminology.styleRules) {
    if (rule.language === language && rule.appliesTo.includes(scope)) bans.push({ forbidden: rule.forbidden, allowedIn: [], use: rule.use, rule: rule.id });
  }
  return bans;
}

/** Whether the occurrence of `forbidden` at `index` lies inside one of the allowed longer strings. */
function allowedAt(text: string, index: number, ban: Ban): boolean {
  return ban.allowedIn.some((allowed) => {
    for (let offset = allowed.indexOf(ban.forbidden); offset >= 0; offset = allowed.indexOf(ban.forbidden, offset + 1)) {
      if (text.startsWith(allowed, index - offset)) return true;
    }
    return false;
  });
}

/** Every forbidden variant in `texts` (all in `language`, all from `scope`), one hit per text and variant. */
export function forbiddenTermHits(terminology: Terminology, scope: TermScope, language: string, texts: Iterable<LocatedText>): TermHit[] {
  const bans = bansFor(terminology, scope, language);
  const hits: TermHit[] = [];
  for (const { path, text } of texts) {
    for (const ban of bans) {
      for (let index = text.indexOf(ban.forbidden); index >= 0; index = text.indexOf(ban.forbidden, index + 1)) {
        if (allowedAt(text, index, ban)) continue;
        hits.push({ path, forbidden: ban.forbidden, use: ban.use, rule: ban.rule });
        break;
      }
    }
  }
  return hits;
}

/**
 * Every string in a JSON value whose own key is `language` (a localized text), or every string
 * when `language` is undefined (a locale file). Array elements with an `id` are named by it, so
 * that a path reads "domains[hygiene].capabilities[hygiene.csirt].title.ja".
 */
export function* jsonTexts(value: unknown, language?: string, path = ''): Generator<LocatedText> {
  if (typeof value === 'string') {
    if (language === undefined || path.endsWith(`.${language}`)) yield { path, text: value };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const id = item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : String(index);
      yield* jsonTexts(item, language, `${path}[${id}]`);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* jsonTexts(item, language, path === '' ? key : `${path}.${key}`);
  }
}
