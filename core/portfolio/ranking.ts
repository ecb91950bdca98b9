import type { EffortBand } from '../model/vocabulary';
import type { IndexEntry } from '../store/index-schema';
import { regionsByCountry } from './regions';
import type { FactorValue, RankedCountry, Ranking, RegionInfo, SelectionFactor, SelectionWeights } from './types';

/** What the ranking needs of one assessment; all of it is in the store's index. */
export type RankingEntry = Pick<IndexEntry, 'id' | 'title' | 'country' | 'status' | 'period' | 'createdAt' | 'updatedAt' | 'selection'>;

/** The largest gap a plan can close on one capability (level 1 to 5). */
const MAX_GAP = 4;
/** The largest importance a capability can have. */
const MAX_IMPORTANCE = 3;

/**
 * The date an assessment describes: the end of its period, else its start, else when it was
 * made; the newest final one per country stands for the country.
 */
export function assessedOn(entry: Pick<IndexEntry, 'period' | 'createdAt'>): string {
  return entry.period.to ?? entry.period.from ?? entry.createdAt.slice(0, 10);
}

function isNewer(a: RankingEntry, b: RankingEntry): boolean {
  const [onA, onB] = [assessedOn(a), assessedOn(b)];
  return onA === onB ? a.updatedAt > b.updatedAt : onA > onB;
}

export function latestFinalByCountry<T extends RankingEntry>(entries: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const entry of entries) {
    if (entry.status !== 'final') continue;
    const current = latest.get(entry.country);
    if (current === undefined || isNewer(entry, current)) latest.set(entry.country, entry);
  }
  return latest;
}

/**
 * Each factor on a fixed 0–1 scale, never relative to the other countries: so the order of two
 * countries depends on those two alone, and adding a country never reorders the others.
 *
 * - businessPresence, networkNode: the 0–3 scales of the country context, divided by 3.
 * - roomLeftByOthers: 1 − (mean donor-support extent over the domains recorded) / 3. Existing
 *   support by like-minded countries and international organisations LOWERS the priority: the
 *   2021 Basic Policy coordinates with them so as to "help avoid redundant support" and asks to
 *   "focus on countries where we can expect the greatest results with a limited budget"
 *   (seed 000, sections on coordination and on regions other than ASEAN). The planner's
 *   feasibility factor lowers a capability's priority for the same reason.
 * - resultPerEffort: the plan's Σ(gap closed × importance) / Σ effort units of the accepted
 *   actions, divided by its largest possible value (a 4-level gap of importance 3 closed by one
 *   action of the smallest effort band).
 *
 * A factor the team did not record counts 0 (raw null), so a country is never raised by a gap
 * in what is known about it.
 */
export function factorValues(entry: RankingEntry, weights: SelectionWeights, effortUnits: Record<EffortBand, number>): FactorValue[] {
  const { selection } = entry;
  const extents = Object.values(selection.donorSupport);
  const donor = extents.length === 0 ? null : extents.reduce((sum, e) => sum + e, 0) / extents.length;
  const perEffort = selection.plan === null || selection.plan.effort === 0 ? null : selection.plan.value / selection.plan.effort;
  const maxPerEffort = (MAX_GAP * MAX_IMPORTANCE) / Math.min(...Object.values(effortUnits));
  const raw: Record<SelectionFactor, [number | null, number]> = {
    businessPresence: [selection.japaneseBusinessPresence, selection.japaneseBusinessPresence === null ? 0 : selection.japaneseBusinessPresence / 3],
    networkNode: [selection.networkNodeImportance, selection.networkNodeImportance === null ? 0 : selection.networkNodeImportance / 3],
    roomLeftByOthers: [donor, donor === null ? 0 : 1 - donor / 3],
    resultPerEffort: [perEffort, perEffort === null ? 0 : Math.min(1, perEffort / maxPerEffort)],
  };
  return (Object.keys(raw) as SelectionFactor[]).map((factor) => {
    const [value, normalised] = raw[factor];
    return { factor, raw: value, normalised, weight: weights[factor], contribution: weights[factor] * normalised };
  });
}

/** Scores equal to this precision share a rank (sums of fractions differ in the last bits otherwise). */
function settled(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

/**
 * HQ's ranking: one row per country from its latest final assessment, score = Σ weight × factor,
 * highest first; equal scores share a rank (1, 1, 3) and are listed by country code.
 */
export function rankCountries(
  entries: readonly RankingEntry[],
  options: { weights: SelectionWeights; defaultWeights: SelectionWeights; effortUnits: Record<EffortBand, number>; regions: readonly RegionInfo[]; onlyRegions?: readonly string[] | undefined },
): Ranking {
  const byCountry = regionsByCountry(options.regions);
  const wanted = (country: string) => options.onlyRegions === undefined || options.onlyRegions.length === 0 || (byCountry.get(country) ?? []).some((r) => options.onlyRegions!.includes(r));
  const inScope = entries.filter((e) => wanted(e.country));
  const latest = latestFinalByCountry(inScope);
  const scored = [...latest.values()].map((entry) => {
    const factors = factorValues(entry, options.weights, options.effortUnits);
    return { entry, factors, score: settled(factors.reduce((sum, f) => sum + f.contribution, 0)) };
  });
  scored.sort((a, b) => b.score - a.score || (a.entry.country < b.entry.country ? -1 : a.entry.country > b.entry.country ? 1 : 0));
  const ranked: RankedCountry[] = [];
  scored.forEach(({ entry, factors, score }, i) => {
    const previous = ranked[i - 1];
    ranked.push({
      country: entry.country,
      regions: byCountry.get(entry.country) ?? [],
      rank: previous !== undefined && previous.score === score ? previous.rank : i + 1,
      score,
      assessmentId: entry.id,
      assessmentTitle: entry.title,
      factors,
    });
  });
  const unranked = [...new Set(inScope.map((e) => e.country))].filter((c) => !latest.has(c)).sort();
  return { weights: { ...options.weights }, defaultWeights: { ...options.defaultWeights }, ranked, unranked };
}
