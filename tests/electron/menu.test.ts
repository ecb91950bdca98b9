import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/menu';

vi.mock('electron', () => ({}));

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it('packaged: quit, copy/paste, zoom and about, but no reload and no devtools', () => {
    const all = roles(buildMenuTemplate({ isPackaged: true, platform: 'win32' }));
    expect(all).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'cut', 'selectAll', 'undo', 'redo', 'zoomIn', 'zoomOut', 'resetZoom', 'about']));
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
    expect(all).not.toContain('toggleDevTools');
  });

  it('development adds reload and devtools', () => {
    const all = roles(buildMenuTemplate({ isPackaged: false, platform: 'linux' }));
    expect(all).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('macOS gets its application menu first', () => {
    expect(buildMenuTemplate({ isPackaged: true, platform: 'darwin' })[0]).toEqual({ role: 'appMenu' });
    expect(buildMenuTemplate({ isPackaged: true, platform: 'win32' })[0]).toMatchObject({ label: 'File' });
  });
});
