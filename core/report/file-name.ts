import { isoDayIn, reportTimeZone } from './format';
import type { Assessment } from '../model/assessment';
import type { ExportFormat, ReportKind } from './report-input';

/**
 * Control characters, and the bidirectional controls (U+061C, U+200E–F, U+202A–E, U+2066–9)
 * that can make "invoice<U+202E>fdp.exe" display as "invoiceexe.pdf"; line and paragraph separators too.
 */
const UNSAFE_IN_FILE_NAMES = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu;
/** Path separators and what Windows forbids in a name. */
const FORBIDDEN_IN_FILE_NAMES = /[\\/:*?"<>|]+/g;

/**
 * The one cleaner for every file name CCAT stores or offers for download: no control or
 * bidirectional characters, no path separators, no leading dots, at most 255 characters.
 * Returns '' when nothing is left; callers choose their own fallback.
 */
export function safeFileName(name: string): string {
  return name.replace(UNSAFE_IN_FILE_NAMES, '').replace(FORBIDDEN_IN_FILE_NAMES, '').trim().replace(/^\.+/, '').slice(0, 255);
}

/** The assessment title as a file-name part: characters Windows forbids removed, spaces as dashes, never empty. */
export function titleStem(title: string): string {
  const stem = safeFileName(title.normalize('NFKC'))
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
 * self-describing; the date is the day in the report's time zone. JSON is the data itself, in no language and no report layout, so those parts are left out.
 */
export function exportFileName(
  assessment: Pick<Assessment, 'title' | 'country'>,
  options: { format: ExportFormat; report: ReportKind; language: string; secondLanguage?: string | undefined; redact: boolean; generatedAt: Date; timeZone?: string | undefined },
): string {
  const languages = options.secondLanguage && options.secondLanguage !== options.language ? `${options.language}-${options.secondLanguage}` : options.language;
  const layout = options.format === 'json' ? [] : [options.report, languages];
  const parts = [titleStem(assessment.title), assessment.country, ...layout, ...(options.redact ? ['redacted'] : []), isoDayIn(options.generatedAt, reportTimeZone(assessment.country, options.timeZone))];
  return `${parts.join('-')}.${options.format}`;
}
