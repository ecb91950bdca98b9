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

/** Every label a person reads, menus and items, in order. */
function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.label === undefined ? [] : [item.label]), ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]);
}

describe('application menu', () => {
  it('packaged: quit, copy/paste, zoom and about, but no reload and no devtools', () => {
    const all = roles(buildMenuTemplate({ isPackaged: true, platform: 'win32', language: 'en' }));
    expect(all).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'cut', 'selectAll', 'undo', 'redo', 'zoomIn', 'zoomOut', 'resetZoom', 'about']));
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
    expect(all).not.toContain('toggleDevTools');
  });

  it('development adds reload and devtools', () => {
    const all = roles(buildMenuTemplate({ isPackaged: false, platform: 'linux', language: 'en' }));
    expect(all).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('macOS gets its application menu first', () => {
    expect(buildMenuTemplate({ isPackaged: true, platform: 'darwin', language: 'en' })[0]).toEqual({ role: 'appMenu' });
    expect(buildMenuTemplate({ isPackaged: true, platform: 'win32', language: 'en' })[0]).toMatchObject({ label: 'File' });
  });

  it('is in Japanese on a Japanese system, every menu and item labelled', () => {
    const menu = buildMenuTemplate({ isPackaged: false, platform: 'win32', language: 'ja' });
    expect(menu.map((m) => m.label)).toEqual(['ファイル', '編集', '表示', 'ヘルプ']);
    expect(labels(menu)).toEqual(
      expect.arrayContaining(['CCATを終了', '元に戻す', 'やり直す', '切り取り', 'コピー', '貼り付け', 'すべて選択', '実際のサイズ', '拡大', '縮小', '再読み込み', 'CCATについて']),
    );
    // Every item with a role has its own label: none is left to Electron's English.
    const unlabelled = (items: MenuItemConstructorOptions[]): string[] =>
      items.flatMap((item) => [...(item.role !== undefined && item.label === undefined ? [item.role] : []), ...(Array.isArray(item.submenu) ? unlabelled(item.submenu) : [])]);
    expect(unlabelled(menu)).toEqual([]);
  });

  it('is in English on any other system', () => {
    const menu = buildMenuTemplate({ isPackaged: true, platform: 'linux', language: 'en' });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(menu)).toContain('Quit CCAT');
  });
});
