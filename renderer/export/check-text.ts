import type { TFunction } from 'i18next';
import type { ExportedFile } from '../../core/api/commands';

/** What the re-read of an export found, in the UI's language; the core's English `verified` only where no figures came back. */
export function checkText(t: TFunction, file: Pick<ExportedFile, 'check' | 'verified'>): string {
  const check = file.check;
  if (!check) return file.verified;
  const count = check.pages ?? check.tables ?? check.sheets ?? check.rows ?? 1;
  return t(`exportDialog.checked.${check.format}`, { count, kilobytes: check.kilobytes, images: check.images ?? 0, columns: check.columns ?? 0 });
}
