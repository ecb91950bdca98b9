import type { Assessment } from '../model/assessment';
import type { ExportFormat, ReportKind } from './report-input';

/** The assessment title as a file-name part: characters Windows forbids removed, spaces as dashes, never empty. */
export function titleStem(title: string): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '')
    // Commas and semicolons upset shells and some mail clients; the words carry the meaning.
    .replace(/[,;]+/g, ' ')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^\.+/, '')
    .slice(0, 60);
  return stem === '' ? 'assessment' : stem;
}

/**
 * "<title>-<CC>-<report>-<lang>[-<lang2>][-redacted]-<YYYY-MM-DD>.<ext>": sortable and
 * self-describing. JSON is the data itself, in no language and no report layout, so those parts are left out.
 */
export function exportFileName(
  assessment: Pick<Assessment, 'title' | 'country'>,
  options: { format: ExportFormat; report: ReportKind; language: string; secondLanguage?: string | undefined; redact: boolean; generatedAt: Date },
): string {
  const languages = options.secondLanguage && options.secondLanguage !== options.language ? `${options.language}-${options.secondLanguage}` : options.language;
  const layout = options.format === 'json' ? [] : [options.report, languages];
  const parts = [titleStem(assessment.title), assessment.country, ...layout, ...(options.redact ? ['redacted'] : []), options.generatedAt.toISOString().slice(0, 10)];
  return `${parts.join('-')}.${options.format}`;
}
