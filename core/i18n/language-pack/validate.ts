import { isUiLanguage, languageInfo, type UiLanguage } from '../../../locales/languages';
import type { ShippedTexts } from './units';
import { packUnits, visibleLength } from './units';
import { packStatusSchema, type PackLocation, type PackProblem, type PackStatus, type PackUnit, type PackWarning } from './types';
import { flattenUi, pluralBase, pluralCategories } from './ui-strings';

/** A pack file as read from XLIFF or XLSX, before any check. */
export interface ParsedPack {
  language: string;
  languageLocation: PackLocation;
  /** As written in the file: `draft` or `reviewed`, with reviewer and date for a review. */
  status: { kind: string; reviewer: string; reviewedOn: string };
  statusLocation: PackLocation;
  units: Array<{ key: string; target: string; location: PackLocation; inlineMarkup?: boolean }>;
}

export type ValidatedPack =
  | { ok: true; language: UiLanguage; status: PackStatus; texts: Map<string, string>; warnings: PackWarning[] }
  | { ok: false; problems: PackProblem[] };

export function describeLocation(location: PackLocation): string {
  return 'line' in location ? `line ${location.line}` : `sheet "${location.sheet}", row ${location.row}`;
}

const placeholder = /\{\{\s*([^{}]+?)\s*\}\}/g;
const tag = /<\/?([A-Za-z][\w:-]*)\b[^<>]*>/g;

function tokens(text: string, pattern: RegExp, normalise: (match: RegExpExecArray) => string): string[] {
  return [...text.matchAll(pattern)].map((m) => normalise(m as RegExpExecArray)).sort();
}

/** What is in `expected` and not in `found`, counting repeats. */
function missingFrom(expected: string[], found: string[]): string[] {
  const left = [...found];
  return expected.filter((token) => {
    const at = left.indexOf(token);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

/**
 * The placeholders a translation must keep and may use. A plural form stands for several English
 * forms (Japanese "other" covers English "one" too, which names no {{count}}): it must keep what
 * every English form has and may use what any of them has.
 */
function placeholdersOf(unit: PackUnit, pluralBaseKey: string | undefined, english: Map<string, string>): { required: string[]; allowed: string[] } {
  const own = tokens(unit.source, placeholder, (m) => m[1]!);
  if (pluralBaseKey === undefined) return { required: own, allowed: own };
  const forms = [...english].filter(([id]) => id.startsWith(`${pluralBaseKey}_`) && pluralBase(id, english)?.base === pluralBaseKey).map(([, text]) => new Set(tokens(text, placeholder, (m) => m[1]!)));
  const allowed = [...new Set(forms.flatMap((f) => [...f]))].sort();
  return { required: allowed.filter((p) => forms.every((f) => f.has(p))), allowed };
}

function statusOf(parsed: ParsedPack, problems: PackProblem[]): PackStatus | undefined {
  const { kind, reviewer, reviewedOn } = parsed.status;
  const claimed = kind.trim().toLowerCase() || 'draft';
  const result = packStatusSchema.safeParse(claimed === 'reviewed' ? { kind: 'reviewed', reviewer, reviewedOn: reviewedOn.trim() } : { kind: claimed });
  if (result.success) return result.data;
  const where = describeLocation(parsed.statusLocation);
  problems.push({
    code: 'bad-status',
    location: parsed.statusLocation,
    expected: ['draft', 'reviewed (with reviewer and date YYYY-MM-DD)'],
    found: [claimed === 'reviewed' ? `reviewed by "${reviewer}" on "${reviewedOn}"` : claimed],
    message:
      claimed === 'reviewed'
        ? `${where}: the pack says "reviewed" but does not name the reviewer and the review date (YYYY-MM-DD); a review is claimed only with both. Fill them in, or set the status to "draft".`
        : `${where}: the status must be "draft" or "reviewed", not "${claimed}".`,
  });
  return undefined;
}

/**
 * Checks a whole pack against what CCAT can translate for its language; nothing is installed
 * unless there is no problem. A unit left empty is untranslated (it falls back), not a problem.
 */
export function validatePack(parsed: ParsedPack, shipped: ShippedTexts): ValidatedPack {
  const problems: PackProblem[] = [];
  const add = (problem: Omit<PackProblem, 'message'> & { reason: string }) => {
    const { reason, ...rest } = problem;
    const where = [rest.location ? describeLocation(rest.location) : undefined, rest.key ? `"${rest.key}"` : undefined].filter(Boolean).join(', ');
    problems.push({ ...rest, message: where ? `${where}: ${reason}` : reason });
  };
  const language = parsed.language.trim();
  if (!isUiLanguage(language)) {
    const named = language === '' ? 'the file names no language (trgLang in XLIFF, "Language" in the About sheet)' : `"${language}" is not a language CCAT knows`;
    add({ code: 'unknown-language', location: parsed.languageLocation, found: [language], reason: `${named}; CCAT knows en, ja, vi, id, th, km, fr, ar.` });
    return { ok: false, problems };
  }
  const status = statusOf(parsed, problems);
  const units = new Map<string, PackUnit>(packUnits(shipped, language).map((u) => [u.id, u]));
  const english = flattenUi(shipped.ui.en ?? {});
  const categories = pluralCategories(language);
  const name = languageInfo(language).englishName;
  const texts = new Map<string, string>();
  const warnings: PackWarning[] = [];
  const seen = new Map<string, PackLocation>();
  const pluralGroups = new Map<string, { categories: string[]; location: PackLocation }>();

  for (const { key, target, location, inlineMarkup } of parsed.units) {
    if (seen.has(key)) {
      add({ code: 'duplicate-key', location, key, reason: `this key appears twice (first at ${describeLocation(seen.get(key)!)}).` });
      continue;
    }
    seen.set(key, location);
    const unit = units.get(key);
    if (!unit) {
      const plural = pluralBase(key, english);
      if (plural && !categories.includes(plural.category)) {
        add({ code: 'plural-forms', location, key, expected: categories, found: [plural.category], reason: `${name} has no plural form "${plural.category}"; it uses ${categories.map((c) => `"${c}"`).join(', ')}.` });
      } else {
        add({ code: 'unknown-key', location, key, reason: 'CCAT has no text with this key (renamed, removed, or from another version); delete the row or use the key from a fresh export.' });
      }
      continue;
    }
    if (inlineMarkup) {
      add({ code: 'markup', location, key, found: ['an element inside <target>'], reason: 'the translation contains markup (tags) that the source does not have; CCAT shows plain text only.' });
      continue;
    }
    if (target.trim() === '') continue;
    const plural = pluralBase(key, english);
    if (plural) {
      const group = pluralGroups.get(plural.base) ?? { categories: [], location };
      group.categories.push(plural.category);
      pluralGroups.set(plural.base, group);
    }
    texts.set(key, target);
    // The shipped translation is CCAT's own: only what the translator changed is checked.
    if (target === unit.target) continue;
    const { required, allowed } = placeholdersOf(unit, plural?.base, english);
    const found = tokens(target, placeholder, (m) => m[1]!);
    const missing = missingFrom(required, found);
    const unknown = [...new Set(found)].filter((p) => !allowed.includes(p));
    const expected = required;
    if (missing.length > 0) {
      add({ code: 'placeholder-missing', location, key, expected, found, reason: `the translation lacks ${missing.map((p) => `{{${p}}}`).join(', ')}; keep every placeholder of the source exactly as it is.` });
    }
    if (unknown.length > 0) {
      add({ code: 'placeholder-unknown', location, key, expected, found, reason: `${unknown.map((p) => `{{${p}}}`).join(', ')} is not in the source; placeholders must not be renamed or added.` });
    }
    const sourceTags = tokens(unit.source, tag, (m) => m[0]);
    const targetTags = tokens(target, tag, (m) => m[0]);
    if (missingFrom(targetTags, sourceTags).length > 0) {
      add({ code: 'markup', location, key, found: missingFrom(targetTags, sourceTags), reason: 'the translation contains markup (tags) that the source does not have; CCAT shows plain text only.' });
    }
    if (unit.maxLength !== undefined && visibleLength(target) > unit.maxLength) {
      const length = visibleLength(target);
      warnings.push({
        code: 'too-long',
        location,
        key,
        length,
        maxLength: unit.maxLength,
        message: `${describeLocation(location)}, "${key}": ${length} characters where the English has ${visibleLength(unit.source)}; this text sits in tight space (button, label, column), so it may be cut off. Check it on screen or shorten it.`,
      });
    }
  }
  for (const [base, group] of pluralGroups) {
    const lacking = categories.filter((c) => !group.categories.includes(c));
    if (lacking.length > 0) {
      add({
        code: 'plural-forms',
        location: group.location,
        key: base,
        expected: categories,
        found: group.categories,
        reason: `${name} needs the plural forms ${categories.map((c) => `"${c}"`).join(', ')}; ${lacking.map((c) => `"${c}"`).join(', ')} ${lacking.length === 1 ? 'is' : 'are'} missing. Translate all of them, or none (then the shipped forms stay).`,
      });
    }
  }
  if (problems.length === 0 && texts.size === 0) add({ code: 'nothing-translated', reason: 'the file has no translation in it; fill in the translation column (XLSX) or the <target> elements (XLIFF).' });
  if (problems.length > 0 || status === undefined) return { ok: false, problems };
  return { ok: true, language, status, texts, warnings };
}
