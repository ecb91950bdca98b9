import type { BrowserWindow, Dialog, MenuItemConstructorOptions } from 'electron';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UiLanguage } from '../locales/languages';
import { createTranslator } from '../core/i18n/translator';
import { SHOW_HELP, type HelpSection } from './channels';
import type { SupportLog } from './log';

export interface HelpActions {
  /** Opens the Help screen in the window ('' the guide, 'licences' About and the licence texts). */
  show(section: HelpSection): void;
  saveLog(): void;
}

/** The Help menu's own entries, above the platform's About. */
export function helpMenuItems(language: UiLanguage, actions: HelpActions): MenuItemConstructorOptions[] {
  const t = createTranslator(language, 'common');
  return [
    { label: t('help.menu.guide'), accelerator: 'F1', click: () => actions.show('') },
    { label: t('help.menu.licences'), click: () => actions.show('licences') },
    { type: 'separator' },
    { label: t('help.menu.saveLog'), click: () => actions.saveLog() },
    { type: 'separator' },
  ];
}

/** Brings the window forward and asks its page to open Help at `section`, once the page has loaded. */
export function showHelp(window: BrowserWindow | undefined, section: HelpSection): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  const send = () => window.webContents.send(SHOW_HELP, section);
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}

export interface SaveLogOptions {
  log: SupportLog;
  dialog: Pick<Dialog, 'showSaveDialogSync' | 'showErrorBox'>;
  parent: BrowserWindow | undefined;
  language: UiLanguage;
  /** Where the dialog starts: the Documents folder. */
  documentsDir: string;
  /** "CCAT 0.1.0, Electron 45.5.0, win32 x64 10.0.22631": what support needs to read the log. */
  about: string;
  now?: () => Date;
}

/** Help → Save log for support: a copy of the kept log files where the user chooses. */
export function saveSupportLog({ log, dialog, parent, language, documentsDir, about, now = () => new Date() }: SaveLogOptions): boolean {
  const t = createTranslator(language, 'common');
  const stamp = now().toISOString().slice(0, 10);
  const options = {
    title: t('help.menu.saveLog'),
    defaultPath: path.join(documentsDir, `ccat-support-log-${stamp}.txt`),
    filters: [{ name: t('help.menu.logFileType'), extensions: ['txt'] }],
  };
  const target = parent ? dialog.showSaveDialogSync(parent, options) : dialog.showSaveDialogSync(options);
  if (!target) return false;
  try {
    writeFileSync(target, `${about}\nSaved ${now().toISOString()}\n\n${log.read()}`);
  } catch (error) {
    dialog.showErrorBox(t('help.menu.saveLogFailed'), error instanceof Error ? error.message : String(error));
    return false;
  }
  log.event('support log saved');
  return true;
}
