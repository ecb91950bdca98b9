import { z } from 'zod';
import { assessmentSchema, assessmentSummarySchema } from '../model/assessment';
import type { Assessment } from '../model/assessment';
import type { Catalogue } from '../model/catalogue';
import type { Framework } from '../model/framework';
import { proposePlan } from '../planning/propose';
import { GAPS_KEPT, importSigner, largestGaps, planValue } from '../portfolio/facts';
import { regionsData } from '../portfolio/regions';
import { scoreAssessment } from '../scoring/scores';

/**
 * v2 adds what the portfolio needs (scores, coverage, period, revision, updatedAt); v3 gives the
 * overall score the scoring module's definition (none while a domain is unscored); v4 adds what
 * HQ's portfolio and country selection need (largest gaps, the import signer, the selection
 * context and the plan's value for its effort). An older index is rebuilt.
 */
export const STORE_INDEX_SCHEMA_VERSION = 4;

const level = z.number().int().min(0).max(3);

export const indexEntrySchema = assessmentSummarySchema.extend({
  /** Largest capability gaps first; empty without the framework or without a gap. */
  gaps: z.array(z.strictObject({ capabilityId: z.string(), domainId: z.string(), gap: z.number().min(0) })).max(GAPS_KEPT),
  /** Who signed the .ccat file it was last imported from. */
  signer: z.strictObject({ fingerprint: z.string(), installation: z.string() }).nullable(),
  /** The country context the selection factors come from (0–3 scales; donor-support extent per domain id). */
  selection: z.strictObject({
    japaneseBusinessPresence: level.nullable(),
    networkNodeImportance: level.nullable(),
    donorSupport: z.record(z.string(), level),
    /** See core/portfolio/facts planValue; null without accepted actions, a framework or a catalogue. */
    plan: z.strictObject({ value: z.number().min(0), effort: z.number().min(0) }).nullable(),
  }),
});
export type IndexEntry = z.infer<typeof indexEntrySchema>;

export const storeIndexSchema = z
  .strictObject({
    schemaVersion: z.literal(STORE_INDEX_SCHEMA_VERSION),
    assessments: z.array(indexEntrySchema),
  })
  .superRefine((index, ctx) => {
    const seen = new Set<string>();
    index.assessments.forEach((entry, i) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: `assessment "${entry.id}" is listed twice`, path: ['assessments', i, 'id'] });
      seen.add(entry.id);
    });
  });
export type StoreIndex = z.infer<typeof storeIndexSchema>;

/**
 * An index written by an older CCAT lists too little; it is replaced by an empty one, and the
 * store then adopts every assessment folder, rebuilding the entries from the documents.
 */
export function upgradeIndex(): StoreIndex {
  return { schemaVersion: STORE_INDEX_SCHEMA_VERSION, assessments: [] };
}

/** The framework an assessment was made with, or undefined when it is not installed. */
export type FrameworkLookup = (assessment: Pick<Assessment, 'frameworkId' | 'frameworkVersion'>) => Framework | undefined;

/** `signer` may be given by a caller that knows it without reading the whole history (a save). */
export function toIndexEntry(a: Assessment, frameworkFor?: FrameworkLookup, catalogue?: Catalogue, signer = importSigner(a.history)): IndexEntry {
  const framework = frameworkFor?.(a);
  const scores = framework === undefined ? undefined : scoreAssessment(framework, a);
  const plan = framework === undefined || scores === undefined || catalogue === undefined ? undefined : proposePlan({ framework, catalogue, assessment: a, scores });
  return {
    id: a.id,
    title: a.title,
    country: a.country,
    mode: a.mode,
    status: a.status,
    frameworkId: a.frameworkId,
    frameworkVersion: a.frameworkVersion,
    period: a.period,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    revision: a.revision,
    scores:
      scores === undefined
        ? null
        : {
            overall: scores.overallMean,
            domains: Object.fromEntries(scores.domains.map((d) => [d.domainId, d.mean])),
          },
    coverage: scores === undefined ? null : { rated: scores.overall.rated, total: scores.overall.total },
    gaps: scores === undefined ? [] : largestGaps(scores),
    signer,
    selection: {
      japaneseBusinessPresence: a.context.japaneseBusinessPresence ?? null,
      networkNodeImportance: a.context.networkNodeImportance ?? null,
      donorSupport: Object.fromEntries(Object.entries(a.context.donorSupport).map(([domainId, d]) => [domainId, d.extent])),
      plan: plan === undefined || catalogue === undefined ? null : planValue(plan, catalogue, regionsData().selection.effortUnits),
    },
  };
}

/** Valid assessment ids double as folder names, so a listing can be filtered with this. */
export function isAssessmentId(name: string): boolean {
  return assessmentSchema.shape.id.safeParse(name).success;
}
