/**
 * The closed word lists of the data model, free of any validation library so that the UI can
 * import them without pulling schema code into the page.
 */
export const assessmentModes = ['field', 'self'] as const;
export type AssessmentMode = (typeof assessmentModes)[number];
export const assessmentStatuses = ['draft', 'in-review', 'final'] as const;
export const confidenceLevels = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof confidenceLevels)[number];
export const scopeKinds = ['national', 'agency', 'sector'] as const;
export type ScopeKind = (typeof scopeKinds)[number];
export const decisions = ['accepted', 'rejected'] as const;
export const phases = ['short', 'medium', 'long'] as const;
export type Phase = (typeof phases)[number];
export const effortBands = ['S', 'M', 'L'] as const;
export type EffortBand = (typeof effortBands)[number];
/** Who an assessor meets: a session's cluster and an indicator's suggested interlocutors. */
export const stakeholderClusters = [
  'csirt',
  'government-ict',
  'ministries',
  'regulators',
  'ci-operators',
  'law-enforcement',
  'prosecution-judiciary',
  'defence',
  'foreign-affairs',
  'private-sector',
  'academia',
  'civil-society',
  'international-partners',
] as const;
