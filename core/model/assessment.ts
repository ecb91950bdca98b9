import { z } from 'zod';
import { maturityLevel, stakeholderCluster } from './framework';
import { assessmentModes, assessmentStatuses, confidenceLevels, decisions, effortBands, phases, scopeKinds } from './vocabulary';

/** The version of the stored assessment document this build writes. Older versions are migrated on read. */
export const ASSESSMENT_SCHEMA_VERSION = 3;

const isoTimestamp = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const shortText = z.string().max(500);
const longText = z.string().max(50_000);
const recordId = z.string().regex(/^[a-z0-9-]{8,64}$/);

/** ISO 3166-1 alpha-2 code, upper case. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code');

export const rating = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('level'), level: maturityLevel }),
  z.strictObject({ kind: z.literal('notApplicable'), reason: z.string().trim().min(1, 'a reason is required').max(2000) }),
  z.strictObject({ kind: z.literal('unknown') }),
]);
export type Rating = z.infer<typeof rating>;

export const indicatorResponse = z.strictObject({
  /** Absent while the indicator is unanswered. */
  rating: rating.optional(),
  confidence: z.enum(confidenceLevels).optional(),
  notes: longText,
  attachmentIds: z.array(z.string()),
  /** Sessions whose input the team relied on for this rating. */
  sessionIds: z.array(z.string()),
  flagged: z.boolean(),
  updatedAt: isoTimestamp,
  updatedBy: shortText,
});
export type IndicatorResponse = z.infer<typeof indicatorResponse>;

export const teamMember = z.strictObject({ name: z.string().trim().min(1, 'a name is required').max(200), role: shortText });
export type TeamMember = z.infer<typeof teamMember>;

const storedPeriod = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

/** The assessment period as a client sets it: an end before the start is refused. */
export const period = storedPeriod.refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, {
  path: ['to'],
  message: 'the period ends before it starts: the end date must be on or after the start date',
});

/** What one session said about one indicator, gathered before the team sets its consensus rating. */
export const sessionInput = z.strictObject({
  note: longText,
  /** The level this session's evidence points to, if any. */
  level: maturityLevel.optional(),
  updatedAt: isoTimestamp,
  updatedBy: shortText,
});
export type SessionInput = z.infer<typeof sessionInput>;

export const interviewSession = z.strictObject({
  /** Free-form in files from before v3, so not held to the pattern of new ids. */
  id: z.string().min(1).max(100),
  title: shortText,
  date: isoDate,
  cluster: stakeholderCluster,
  participants: z.number().int().min(0).max(10_000),
  /** Organisations met; left out of exports when the session is non-attributable. */
  organisations: shortText,
  nonAttributable: z.boolean(),
  notes: longText,
  inputs: z.record(z.string(), sessionInput),
});
export type InterviewSession = z.infer<typeof interviewSession>;

export const attachmentMeta = z.strictObject({
  /** SHA-256 of the content, hex: also the file name in the store's attachments/ folder. */
  id: z.string().regex(/^[a-f0-9]{64}$/),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().max(200),
  size: z.number().int().min(0),
  addedAt: isoTimestamp,
  addedBy: shortText,
});
export type AttachmentMeta = z.infer<typeof attachmentMeta>;

/** Existing support by other donors in one domain: 0 none known, 1 some, 2 substantial, 3 extensive. */
export const donorSupport = z.strictObject({ extent: z.number().int().min(0).max(3), who: longText });

export const countryContext = z.strictObject({
  /** Per domain id. */
  donorSupport: z.record(z.string(), donorSupport),
  /** 0 none … 3 high. */
  japaneseBusinessPresence: z.number().int().min(0).max(3).optional(),
  networkNodeImportance: z.number().int().min(0).max(3).optional(),
  absorptiveCapacity: z.number().int().min(0).max(3).optional(),
  notes: longText,
});
export type CountryContext = z.infer<typeof countryContext>;

/** The team's decisions on the proposed support plan; the proposal itself is computed, never stored. */
export const planState = z.strictObject({
  /** Keyed by recommendation id ("<capabilityId>/<programmeId>"). */
  decisions: z.record(z.string(), z.strictObject({ decision: z.enum(decisions), note: longText.optional() })),
  /** Recommendation and action ids in the team's order; ids not listed follow in computed order. */
  order: z.array(z.string()),
  customActions: z.array(
    z.strictObject({
      id: recordId,
      capabilityId: z.string(),
      title: z.string().trim().min(1).max(500),
      owner: shortText,
      note: longText,
      phase: z.enum(phases),
      effort: z.enum(effortBands).optional(),
    }),
  ),
  /** Team adjustments to a capability's importance (1–3), with the reason. */
  importance: z.record(z.string(), z.strictObject({ value: z.number().int().min(1).max(3), note: longText })),
});
export type PlanState = z.infer<typeof planState>;

export function emptyPlan(): PlanState {
  return { decisions: {}, order: [], customActions: [], importance: {} };
}

export const historyEntry = z.strictObject({
  at: isoTimestamp,
  by: shortText,
  /** What changed, e.g. "response:<indicatorId>.rating", "status", "session:<id>". */
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  /** Required for changes made after an assessment was reopened. */
  reason: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const assessmentSchema = z.strictObject({
  schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
  id: recordId,
  revision: z.number().int().min(0),
  title: z.string().trim().min(1).max(200),
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  country: countryCode,
  scope: z.strictObject({ kind: z.enum(scopeKinds), name: shortText }),
  mode: z.enum(assessmentModes),
  status: z.enum(assessmentStatuses),
  team: z.array(teamMember),
  /** Not refined like `period`: a file stored before the check must still open. */
  period: storedPeriod,
  languages: z.array(z.string()),
  context: countryContext,
  /** Target level per capability id, where the team changed the framework default. */
  targets: z.record(z.string(), maturityLevel),
  responses: z.record(z.string(), indicatorResponse),
  sessions: z.array(interviewSession),
  attachments: z.array(attachmentMeta),
  plan: planState,
  /** The bundled demonstration assessment (assessments/samples/): every screen shows that it is a sample. */
  sample: z.literal(true).optional(),
  /** The earlier assessment of the same country this one follows up; its ratings are shown beside, never copied. */
  baselineId: z.string().optional(),
  signOff: z.strictObject({ by: shortText, at: isoTimestamp }).optional(),
  /** Set while an assessment that was final is open again; every change then carries this reason. */
  reopened: z.strictObject({ by: shortText, at: isoTimestamp, reason: z.string().trim().min(1).max(2000) }).optional(),
  history: z.array(historyEntry),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** What lists and the HQ portfolio show of an assessment without opening it; kept in the store's index. */
export const assessmentSummarySchema = assessmentSchema
  .pick({ id: true, title: true, country: true, mode: true, status: true, frameworkId: true, frameworkVersion: true, period: true, createdAt: true, updatedAt: true, revision: true })
  .extend({
    /** Mean maturity overall (mean of the domain scores) and per domain id; null where nothing is rated. Null when the framework is not installed. */
    scores: z.strictObject({ overall: z.number().nullable(), domains: z.record(z.string(), z.number().nullable()) }).nullable(),
    /** Indicators rated with a level, of all the framework's indicators. Null when the framework is not installed. */
    coverage: z.strictObject({ rated: z.number().int().min(0), total: z.number().int().min(0) }).nullable(),
  });
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;
