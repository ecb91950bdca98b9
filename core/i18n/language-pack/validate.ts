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
    add({ code: 'unknown-language', location: parsed.languageLocation, found: [language], reason: `"${language}" is not a language CCAT knows (en, ja, vi, id, th, km, fr, ar).` });
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
    if (target.trim() === '') continue;
    const expected = tokens(unit.source, placeholder, (m) => m[1]!);
    const found = tokens(target, placeholder, (m) => m[1]!);
    const missing = missingFrom(expected, found);
    const unknown = missingFrom(found, expected);
    if (missing.length > 0) {
      add({ code: 'placeholder-missing', location, key, expected, found, reason: `the translation lacks ${missing.map((p) => `{{${p}}}`).join(', ')}; keep every placeholder of the source exactly as it is.` });
    }
    if (unknown.length > 0) {
      add({ code: 'placeholder-unknown', location, key, expected, found, reason: `${unknown.map((p) => `{{${p}}}`).join(', ')} is not in the source; placeholders must not be renamed or added.` });
    }
    const sourceTags = tokens(unit.source, tag, (m) => m[0]);
    const targetTags = tokens(target, tag, (m) => m[0]);
    if (inlineMarkup || missingFrom(targetTags, sourceTags).length > 0) {
      add({ code: 'markup', location, key, found: inlineMarkup ? ['an element inside <target>'] : missingFrom(targetTags, sourceTags), reason: 'the translation contains markup (tags) that the source does not have; CCAT shows plain text only.' });
    }
    const plural = pluralBase(key, english);
    if (plural) {
      const group = pluralGroups.get(plural.base) ?? { categories: [], location };
      group.categories.push(plural.category);
      pluralGroups.set(plural.base, group);
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
    texts.set(key, target);
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
