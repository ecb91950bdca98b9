import { z } from 'zod';
import { maturityLevel, stakeholderCluster } from './framework';
import { assessmentModes, assessmentStatuses, confidenceLevels } from './vocabulary';

/** The version of the stored assessment document this build writes. Older versions are migrated on read. */
export const ASSESSMENT_SCHEMA_VERSION = 2;

const isoTimestamp = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const shortText = z.string().max(500);
const longText = z.string().max(50_000);


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
  sessionIds: z.array(z.string()),
  flagged: z.boolean(),
  updatedAt: isoTimestamp,
  updatedBy: shortText,
});
export type IndicatorResponse = z.infer<typeof indicatorResponse>;

export const teamMember = z.strictObject({ name: shortText, role: shortText });

export const interviewSession = z.strictObject({
  id: z.string(),
  date: isoDate,
  cluster: stakeholderCluster,
  participants: z.number().int().min(0).max(10_000),
  organisations: shortText,
  nonAttributable: z.boolean(),
  notes: longText,
});

export const countryContext = z.strictObject({
  /** Existing support by other donors, per domain id: free text. */
  donorSupport: z.record(z.string(), longText),
  /** 0 none … 3 high. */
  japaneseBusinessPresence: z.number().int().min(0).max(3).optional(),
  networkNodeImportance: z.number().int().min(0).max(3).optional(),
  absorptiveCapacity: z.number().int().min(0).max(3).optional(),
  notes: longText,
});

export const historyEntry = z.strictObject({
  at: isoTimestamp,
  by: shortText,
  /** What changed, e.g. "response:<indicatorId>", "status", "title". */
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  reason: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const assessmentSchema = z.strictObject({
  schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9-]{8,64}$/),
  revision: z.number().int().min(0),
  title: z.string().trim().min(1).max(200),
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  country: countryCode,
  scope: shortText,
  mode: z.enum(assessmentModes),
  status: z.enum(assessmentStatuses),
  team: z.array(teamMember),
  period: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
  languages: z.array(z.string()),
  context: countryContext,
  /** Target level per capability id, where the team changed the framework default. */
  targets: z.record(z.string(), maturityLevel),
  responses: z.record(z.string(), indicatorResponse),
  sessions: z.array(interviewSession),
  history: z.array(historyEntry),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export type AssessmentSummary = Pick<
  Assessment,
  'id' | 'title' | 'country' | 'mode' | 'status' | 'frameworkId' | 'frameworkVersion' | 'createdAt' | 'updatedAt' | 'revision'
>;
