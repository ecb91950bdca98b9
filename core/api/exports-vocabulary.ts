/** The report set (issue: reports) and its formats; free of zod so the UI can list them. */
export const reportKinds = ['summary', 'full', 'plan'] as const;
export const exportFormats = ['html', 'pdf', 'docx', 'xlsx', 'csv', 'json'] as const;
