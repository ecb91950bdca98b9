import { z } from 'zod';
import { assessmentSchema, assessmentSummarySchema } from '../model/assessment';
import type { Assessment, AssessmentSummary } from '../model/assessment';
import type { Framework } from '../model/framework';
import { scoreAssessment } from '../scoring/scores';

/**
 * v2 adds what the portfolio needs (scores, coverage, period, revision, updatedAt); v3 gives the
 * overall score the scoring module's definition (none while a domain is unscored). An older index is rebuilt.
 */
export const STORE_INDEX_SCHEMA_VERSION = 3;

export const indexEntrySchema = assessmentSummarySchema;
export type IndexEntry = AssessmentSummary;

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

export function toIndexEntry(a: Assessment, frameworkFor?: FrameworkLookup): IndexEntry {
  const framework = frameworkFor?.(a);
  const scores = framework === undefined ? undefined : scoreAssessment(framework, a);
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
  };
}

/** Valid assessment ids double as folder names, so a listing can be filtered with this. */
export function isAssessmentId(name: string): boolean {
  return assessmentSchema.shape.id.safeParse(name).success;
}
