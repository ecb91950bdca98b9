import type { BaseWindow, Dialog, DownloadItem, Session } from 'electron';
import { CoreError } from '../core/api/result';
import { exportTargetRefused } from '../core/i18n/shell-messages';
import type { ExportTargetRefusal } from '../core/report/export-target';
import { checkExportTarget } from '../core/report/export-target.node.ts';
import type { UiLanguage } from '../locales/languages';

export interface DownloadGuardOptions {
  /** The CCAT data folder: no export may land inside it. */
  dataDir: string;
  dialog: Pick<Dialog, 'showSaveDialogSync' | 'showErrorBox'>;
  /** The window the save dialog belongs to, if one is open. */
  parent: () => BaseWindow | undefined;
  language: () => UiLanguage;
}

/**
 * Every export the page hands over (renderer/export/download.ts) becomes a download. Electron
 * would save it wherever Chromium's own dialog says; here the native save dialog asks (and asks
 * before replacing a file, `showOverwriteConfirmation` on Linux, always on Windows and macOS),
 * then the core's target rules decide, the same rules as `ccat export --out`.
 */
export function guardDownloads(session: Pick<Session, 'on'>, options: DownloadGuardOptions): void {
  session.on('will-download', (_event, item: DownloadItem) => {
    const dialogOptions = { defaultPath: item.getFilename(), properties: ['showOverwriteConfirmation', 'createDirectory'] as Array<'showOverwriteConfirmation' | 'createDirectory'> };
    const parent = options.parent();
    const chosen = parent ? options.dialog.showSaveDialogSync(parent, dialogOptions) : options.dialog.showSaveDialogSync(dialogOptions);
    if (chosen === undefined) {
      item.cancel();
      return;
    }
    try {
      // The dialog has already asked whether to replace an existing file.
      item.setSavePath(checkExportTarget(chosen, { dataDir: options.dataDir, replace: true }));
    } catch (error) {
      item.cancel();
      if (!(error instanceof CoreError)) throw error;
      const { title, message } = exportTargetRefused(options.language(), error.details as ExportTargetRefusal);
      options.dialog.showErrorBox(title, message);
    }
  });
}
