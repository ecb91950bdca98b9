/**
 * The closed word lists of the data model, free of any validation library so that the UI can
 * import them without pulling schema code into the page.
 */
export const assessmentModes = ['field', 'self'] as const;
export const assessmentStatuses = ['draft', 'in-review', 'final'] as const;
export const confidenceLevels = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof confidenceLevels)[number];
export type AssessmentMode = (typeof assessmentModes)[number];
