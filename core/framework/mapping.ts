import { z } from 'zod';
import { localizedText } from '../model/localized-text';
import type { Framework } from '../model/framework';
import { indicatorPlaces } from './summary';

const version = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as "1.1.0"');
const indicatorId = z.string().min(1);

export const mappingKinds = ['same', 'split', 'merged', 'removed'] as const;
export type MappingKind = (typeof mappingKinds)[number];

export const indicatorMapping = z.strictObject({
  /**
   * same: the rating and everything with it carries over (flagged when `review`);
   * split: copied to each part and flagged; merged: several old indicators feed one new one,
   * the lowest rating wins and it is flagged; removed: not carried, kept in history.
   */
  kind: z.enum(mappingKinds),
  to: z.array(indicatorId),
  review: z.boolean(),
  note: localizedText,
});
export type IndicatorMapping = z.infer<typeof indicatorMapping>;

/** assessments/mappings/<id>-<from>-to-<to>.json: how answers on one framework version move to the next. */
export const frameworkMappingSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  frameworkId: z.string().min(1),
  from: version,
  to: version,
  /** Keyed by the indicator id in `from`. */
  indicators: z.record(indicatorId, indicatorMapping),
  /** Indicators of `to` that nothing feeds: left unrated and flagged for review. */
  added: z.array(indicatorId),
});
export type FrameworkMapping = z.infer<typeof frameworkMappingSchema>;

/**
 * Problems that make a mapping unusable for these two frameworks, one readable line each; empty
 * when every old indicator is accounted for, every target exists, and every new indicator is
 * either fed by an old one or listed as added.
 */
export function mappingProblems(mapping: FrameworkMapping, from: Framework, to: Framework): string[] {
  const problems: string[] = [];
  const label = `mapping ${mapping.frameworkId} ${mapping.from}→${mapping.to}`;
  if (from.id !== mapping.frameworkId || to.id !== mapping.frameworkId || from.version !== mapping.from || to.version !== mapping.to) {
    return [`${label} is not for ${from.id} ${from.version}→${to.id} ${to.version}`];
  }
  const oldIds = new Set(indicatorPlaces(from).map((p) => p.indicator.id));
  const newIds = new Set(indicatorPlaces(to).map((p) => p.indicator.id));
  const feeders = new Map<string, Array<{ oldId: string; kind: MappingKind }>>();

  for (const oldId of oldIds) if (!Object.hasOwn(mapping.indicators, oldId)) problems.push(`${label}: indicators.${oldId} is missing`);
  for (const [oldId, entry] of Object.entries(mapping.indicators)) {
    const at = `${label}: indicators.${oldId}`;
    if (!oldIds.has(oldId)) problems.push(`${at}: no such indicator in ${from.version}`);
    const expected = { same: entry.to.length === 1, split: entry.to.length >= 2, merged: entry.to.length === 1, removed: entry.to.length === 0 }[entry.kind];
    if (!expected) problems.push(`${at}: a "${entry.kind}" entry cannot have ${entry.to.length} target(s)`);
    if (new Set(entry.to).size !== entry.to.length) problems.push(`${at}: a target is listed twice`);
    for (const newId of entry.to) {
      if (!newIds.has(newId)) problems.push(`${at}.to: ${newId} is not an indicator of ${to.version}`);
      feeders.set(newId, [...(feeders.get(newId) ?? []), { oldId, kind: entry.kind }]);
    }
  }
  for (const [newId, from] of feeders) {
    const merged = from.filter((f) => f.kind === 'merged');
    if (from.length > 1 && merged.length !== from.length) {
      problems.push(`${label}: ${newId} is fed by ${from.map((f) => f.oldId).join(', ')}; only "merged" entries may share a target`);
    } else if (merged.length === 1) {
      problems.push(`${label}: ${newId} is the target of one "merged" entry (${merged[0]!.oldId}); a merge needs two or more`);
    }
  }
  for (const newId of mapping.added) {
    if (!newIds.has(newId)) problems.push(`${label}: added ${newId} is not an indicator of ${to.version}`);
    if (feeders.has(newId)) problems.push(`${label}: added ${newId} is also fed by ${feeders.get(newId)!.map((f) => f.oldId).join(', ')}`);
  }
  const added = new Set(mapping.added);
  for (const newId of newIds) {
    if (!feeders.has(newId) && !added.has(newId)) problems.push(`${label}: ${newId} of ${to.version} is neither fed by an old indicator nor listed as added`);
  }
  return problems;
}
