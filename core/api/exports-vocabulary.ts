/** The report set (issue: reports) and its formats; free of zod so the UI can list them. */
export const reportKinds = ['summary', 'full', 'plan'] as const;
export const exportFormats = ['html', 'pdf', 'docx', 'xlsx', 'csv', 'json'] as const;
/** Formats of the headquarters exports (portfolio, comparison, ranking). */
export const portfolioExportFormats = ['xlsx', 'html', 'pdf', 'json'] as const;
export type PortfolioExportFormat = (typeof portfolioExportFormats)[number];
