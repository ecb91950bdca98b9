import { uiLanguages, sourceLanguage, type UiLanguage } from '../../locales/languages';
import { errorCodes, type ErrorCode } from '../api/result';
import type { ExportTargetRefusal } from '../report/export-target';
import { createTranslator } from './translator';

/** The UI language for an OS locale such as "ja-JP" or "en-GB"; English for any other. */
export function languageForLocale(locale: string): UiLanguage {
  const prefix = locale.slice(0, 2).toLowerCase();
  return (uiLanguages as readonly string[]).includes(prefix) ? (prefix as UiLanguage) : sourceLanguage;
}

export interface ShellMessage {
  title: string;
  message: string;
}

/**
 * What the desktop app shows when its data folder cannot be opened. The store's own messages for
 * a full or read-only disk promise that work in progress is kept and retried, which is true while
 * editing and wrong before anything was opened: those two get start-up texts of their own. The
 * other codes (locked, newer version, damaged) already say what happened and what to do.
 */
export function startupFailure(language: UiLanguage, error: unknown, dataDir?: string): ShellMessage {
  const t = createTranslator(language, 'common');
  const code = coreErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const body =
    code === 'DISK_FULL' || code === 'NO_PERMISSION'
      ? `${t(`shell.startup.${code}`)}\n\n${t('shell.detail', { detail: causeOf(error) ?? detail })}`
      : detail;
  return { title: t('shell.startupTitle'), message: dataDir === undefined ? body : `${body}\n\n${t('shell.dataFolder', { folder: dataDir })}` };
}

/** By shape rather than `instanceof`: a bundle or a test may hold a second copy of the CoreError class. */
function coreErrorCode(error: unknown): ErrorCode | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return (errorCodes as readonly unknown[]).includes(code) ? (code as ErrorCode) : undefined;
}

/** The operating system's own words ("EROFS: read-only file system, open ..."), without the store's advice. */
function causeOf(error: unknown): string | undefined {
  const details = typeof error === 'object' && error !== null && 'details' in error ? error.details : undefined;
  return typeof details === 'object' && details !== null && 'cause' in details && typeof details.cause === 'string' ? details.cause : undefined;
}

/** Why the desktop app refused to save an export where the user asked (export-target.node.ts). */
export function exportTargetRefused(language: UiLanguage, refusal: ExportTargetRefusal): ShellMessage {
  const t = createTranslator(language, 'common');
  return { title: t('shell.exportRefusedTitle'), message: t(`shell.exportTarget.${refusal.rule}`, { path: refusal.path }) };
}
