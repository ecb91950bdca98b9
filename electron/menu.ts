import type { MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** The Help menu's own entries (help-menu.ts), above About. */
  help?: MenuItemConstructorOptions[];
}

/**
 * A small, role-based menu: roles get the platform's own labels, shortcuts and translations.
 * Zoom stays in packaged builds (people read reports on small laptop screens); reload and
 * developer tools do not: a reload could drop an unsaved edit, and devtools is a way in.
 */
export function buildMenuTemplate({ isPackaged, platform, help = [] }: MenuContext): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }];
  if (!isPackaged) {
    view.unshift({ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  }
  return [
    // macOS expects the first menu to be the application menu (About, Hide, Quit).
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
    { role: 'help', submenu: [...help, { role: 'about' }] },
  ];
}
