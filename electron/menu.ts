import type { MenuItemConstructorOptions } from 'electron';
import { createTranslator } from '../core/i18n/translator';
import type { UiLanguage } from '../locales/languages';

export interface MenuContext {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** The menu's language: the OS language, as for the main process's other texts. */
  language: UiLanguage;
  /** The Help menu's own entries (help-menu.ts), above About. */
  help?: MenuItemConstructorOptions[];
}

type Role = 'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'reload' | 'forceReload' | 'toggleDevTools' | 'about';

/**
 * A small, role-based menu: roles keep the platform's own shortcuts and behaviour, and every
 * label comes from the locales, because Electron translates role labels only on macOS. Zoom
 * stays in packaged builds (people read reports on small laptop screens); reload and developer
 * tools do not: a reload could drop an unsaved edit, and devtools is a way in.
 */
export function buildMenuTemplate({ isPackaged, platform, language, help = [] }: MenuContext): MenuItemConstructorOptions[] {
  const t = createTranslator(language, 'common');
  const item = (role: Role): MenuItemConstructorOptions => ({ role, label: t(`menu.${role}`) });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const view = [item('resetZoom'), item('zoomIn'), item('zoomOut')];
  if (!isPackaged) view.unshift(item('reload'), item('forceReload'), item('toggleDevTools'), separator);
  return [
    // macOS expects the first menu to be the application menu (About, Hide, Quit), which it names and translates itself.
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: t('menu.file'), submenu: [item('quit')] },
    { label: t('menu.edit'), submenu: [item('undo'), item('redo'), separator, item('cut'), item('copy'), item('paste'), item('selectAll')] },
    { label: t('menu.view'), submenu: view },
    { role: 'help', label: t('menu.help'), submenu: [...help, item('about')] },
  ];
}
