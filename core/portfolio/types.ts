/**
 * What the headquarters views (portfolio, compare, trend, country selection) receive. Free of
 * zod and Node so that the UI can import the types and the word lists.
 */
import type { AssessmentMode } from '../model/vocabulary';
import type { EffortBand } from '../model/vocabulary';
import type { PartlyLocalizedText } from '../model/pick-text';

export const shelfStates = ['archived', 'trashed'] as const;
/** Archived: hidden from the lists, restorable. Trashed: restorable until the trash is emptied. */
export type ShelfState = (typeof shelfStates)[number];
/** Which assessments a list shows: the active ones (the default), one shelf, or all. */
export const shelfViews = ['active', 'archived', 'trashed', 'all'] as const;
export type ShelfView = (typeof shelfViews)[number];

export interface SignerInfo {
  fingerprint: string;
  /** The installation name the bundle was signed with. */
  installation: string;
}

export interface CapabilityGap {
  capabilityId: string;
  domainId: string;
  gap: number;
}

/** One assessment as the portfolio lists it; built from the store's index alone. */
export interface PortfolioRow {
  id: string;
  title: string;
  country: string;
  /** Region ids (assessments/regions/regions.json) the country belongs to. */
  regions: string[];
  mode: AssessmentMode;
  status: 'draft' | 'in-review' | 'final';
  frameworkId: string;
  frameworkVersion: string;
  period: { from?: string | undefined; to?: string | undefined };
  /** The period's start year, else its end year, else the year it was created. */
  year: number;
  coverage: { rated: number; total: number } | null;
  /** overallMean of core/scoring/scores.ts; null while any domain is unscored. */
  overall: number | null;
  domains: Record<string, number | null>;
  /** Largest capability gaps first (at most 5); empty when nothing rated falls short of its target. */
  gaps: CapabilityGap[];
  createdAt: string;
  updatedAt: string;
  revision: number;
  /** Who signed the .ccat file it was last imported from; null for assessments made here. */
  signer: SignerInfo | null;
  shelf: ShelfState | null;
  /** When it was archived or trashed. */
  shelvedAt: string | null;
}

export const portfolioColumns = [
  'country',
  'title',
  'mode',
  'status',
  'period',
  'frameworkVersion',
  'coverage',
  'overall',
  'gap',
  'updatedAt',
  'signer',
] as const;
/** A fixed column, or `domain:<domainId>` for one domain's score. */
export type PortfolioColumn = (typeof portfolioColumns)[number] | `domain:${string}`;
export type SortDirection = 'asc' | 'desc';

export interface PortfolioFilter {
  /** Case-insensitive, over title, country code and name, signer and the assessment id. */
  search?: string | undefined;
  countries?: string[] | undefined;
  regions?: string[] | undefined;
  modes?: AssessmentMode[] | undefined;
  statuses?: Array<PortfolioRow['status']> | undefined;
  frameworkVersions?: string[] | undefined;
  years?: number[] | undefined;
  shelf?: ShelfView | undefined;
}

export interface PortfolioQuery extends PortfolioFilter {
  sort?: { column: PortfolioColumn; direction: SortDirection } | undefined;
}

/** Ids rather than rows: the rows are in `PortfolioView.rows` once, and a group view looks them up. */
export interface PortfolioGroup {
  country: string;
  ids: string[];
}

/** English and Japanese (the source languages) always; the other UI languages where translated. */
export type TranslatedText = PartlyLocalizedText & { ja: string };

export interface RegionInfo {
  id: string;
  name: TranslatedText;
  countries: string[];
}

export interface PortfolioView {
  /** Filtered and sorted. */
  rows: PortfolioRow[];
  /** The same rows grouped by country (their ids, in row order), countries in the order of their first row. */
  groups: PortfolioGroup[];
  /** Before filtering, in the chosen shelf view. */
  total: number;
  /** Counts per shelf, so the UI can show "Archive (3)" and "Trash (2)". */
  shelves: { active: number; archived: number; trashed: number };
  /** Values present in the portfolio, for filter pickers. */
  facets: { countries: string[]; frameworkVersions: string[]; years: number[] };
  regions: RegionInfo[];
  /** Domain ids of the newest framework version present, for the per-domain columns. */
  domainIds: string[];
}

export interface ShelfResult {
  /** The ids changed, in input order. */
  ids: string[];
  shelf: ShelfState | null;
}

export interface EmptyTrashResult {
  /** Ids permanently deleted. */
  deleted: string[];
}

// ---- Compare ----

export interface ComparedAssessment {
  id: string;
  title: string;
  country: string;
  mode: AssessmentMode;
  status: PortfolioRow['status'];
  frameworkVersion: string;
  period: PortfolioRow['period'];
  /** Over the compared indicators only. */
  overall: number | null;
}

export interface ComparedScores {
  /** One per compared assessment, in the order asked; null where nothing compared is rated. */
  scores: Array<number | null>;
  /** scores[i] − scores[0]; null where either is null (the first is the reference, so differences[0] is 0 or null). */
  differences: Array<number | null>;
  /** Highest − lowest of the scores that exist; null with fewer than two. */
  spread: number | null;
}

export interface Comparison {
  assessments: ComparedAssessment[];
  frameworkId: string;
  /** The version rows are named in: the newest among the compared assessments. */
  frameworkVersion: string;
  /** True when versions differ and older ones were carried over through the mapping. */
  mapped: boolean;
  /** Indicators of `frameworkVersion` compared: all of them, or only those every older version maps to. */
  indicatorsCompared: number;
  indicatorsTotal: number;
  /** Indicators left out because an older version has nothing that maps to them. */
  excludedIndicators: string[];
  domains: Array<ComparedScores & { domainId: string }>;
  capabilities: Array<ComparedScores & { domainId: string; capabilityId: string }>;
}

// ---- Trend ----

export interface TrendPoint {
  id: string;
  title: string;
  mode: AssessmentMode;
  status: PortfolioRow['status'];
  frameworkId: string;
  frameworkVersion: string;
  /** The date it is placed at: period end, else period start, else creation day (YYYY-MM-DD). */
  date: string;
  overall: number | null;
  domains: Record<string, number | null>;
}

export interface CapabilityMove {
  capabilityId: string;
  domainId: string;
  from: number;
  to: number;
  change: number;
}

/**
 * An accepted plan item of the earlier assessment. Plans record decisions, not completion, so
 * an item counts as completed when the later assessment shows its capability at the level the
 * item aimed at (the programme's upper level, or the target for the team's own actions).
 */
export interface TrendPlanItem {
  recommendationId: string;
  capabilityId: string;
  programmeId?: string;
  title?: string;
  effort?: EffortBand;
  aimedLevel: number;
  before: number | null;
  after: number | null;
  completed: boolean;
}

export interface TrendStep {
  fromId: string;
  toId: string;
  /** False when no mapping joins the two framework versions: nothing is compared across this step. */
  comparable: boolean;
  /** Capabilities whose score changed by at least 0.5 (compared in the later version, through the mapping). */
  moved: CapabilityMove[];
  planItems: TrendPlanItem[];
}

export interface CountryTrend {
  country: string;
  points: TrendPoint[];
  /** Domain ids of the newest version among the points. */
  domainIds: string[];
  steps: TrendStep[];
}

// ---- Country selection ----

export const selectionFactors = ['businessPresence', 'networkNode', 'roomLeftByOthers', 'resultPerEffort'] as const;
export type SelectionFactor = (typeof selectionFactors)[number];
export type SelectionWeights = Record<SelectionFactor, number>;

export interface FactorValue {
  factor: SelectionFactor;
  /** As recorded: 0–3 scales, the mean donor-support extent 0–3, or gap×importance per effort unit. Null when not recorded. */
  raw: number | null;
  /** 0–1 on a fixed scale (not relative to the other countries, so adding one never reorders the rest); 0 when not recorded. */
  normalised: number;
  weight: number;
  /** weight × normalised. */
  contribution: number;
}

export interface RankedCountry {
  country: string;
  regions: string[];
  /** Competition rank: equal scores share a rank, the next rank skips (1, 1, 3). */
  rank: number;
  score: number;
  /** The latest final assessment the factors come from. */
  assessmentId: string;
  assessmentTitle: string;
  factors: FactorValue[];
}

export interface Ranking {
  weights: SelectionWeights;
  defaultWeights: SelectionWeights;
  /** How the factors are read, from assessments/regions/regions.json, for the UI to show beside the weights. */
  method: { note: TranslatedText; effortUnits: Record<EffortBand, number> };
  ranked: RankedCountry[];
  /** Countries in the portfolio without a final assessment: not ranked. */
  unranked: string[];
}
