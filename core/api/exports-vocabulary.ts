/** The report set (issue: reports) and its formats; free of zod so the UI can list them. */
export const reportKinds = ['summary', 'full', 'plan'] as const;
export const exportFormats = ['html', 'pdf', 'docx', 'xlsx', 'csv', 'json'] as const;
/** Classification lines offered at export; each is translated in the report. Any other text is printed as typed. */
export const classificationPresets = ['internal', 'official-use', 'confidential'] as const;
/** Formats that are data, not a report layout: the report kind does not apply to them. */
export const dataFormats = ['csv', 'json'] as const;
/** Formats of the headquarters exports (portfolio, comparison, ranking). */
export const portfolioExportFormats = ['xlsx', 'html', 'pdf', 'json'] as const;
export type PortfolioExportFormat = (typeof portfolioExportFormats)[number];
