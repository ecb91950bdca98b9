import { beforeEach, describe, expect, it, vi } from 'vitest';
import { navigationEvent } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { createMainWindow, windowBounds } = await import('../../electron/window');

function openWindow() {
  createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs' });
  const window = fake.windows[0];
  if (window === undefined) throw new Error('no window was created');
  return window;
}

beforeEach(() => fake.reset());

describe('main window options', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, our preload', () => {
    const { options } = openWindow();
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('has a usable default and minimum size and stays hidden until ready-to-show', () => {
    const window = openWindow();
    expect(window.options).toMatchObject({ width: 1280, height: 800, minWidth: 800, minHeight: 600, show: false });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});

describe('window.open', () => {
  it('is always denied, whatever the URL', () => {
    const { webContents } = openWindow();
    for (const url of ['https://evil.example/', 'app://ccat/index.html', 'https://www.jica.go.jp/', 'about:blank']) {
      expect(webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('hands only allowlisted https links to the system browser', () => {
    const { webContents } = openWindow();
    const open = (url: string) => webContents.windowOpenHandler?.({ url });
    open('https://www.jica.go.jp/english/');
    open('http://www.jica.go.jp/'); // not https
    open('https://evil.example/');
    open('https://www.jica.go.jp.evil.example/'); // look-alike host
    open('https://user@www.jica.go.jp/'); // credentials
    open('file:///etc/passwd');
    expect(fake.module.shell.openExternal.mock.calls).toEqual([['https://www.jica.go.jp/english/']]);
  });
});

describe('navigation guard', () => {
  it.each(['https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://ccat.evil/index.html', 'app://ccat@evil/', 'app://evil/', 'javascript:alert(1)', 'data:text/html,hi'])(
    'prevents leaving the app for %s',
    (url) => {
      const { webContents } = openWindow();
      for (const eventName of ['will-navigate', 'will-redirect']) {
        const event = navigationEvent(url);
        webContents.emit(eventName, event, url);
        expect(event.defaultPrevented(), `${eventName} ${url}`).toBe(true);
      }
    },
  );

  it('lets the app navigate within app://ccat', () => {
    const { webContents } = openWindow();
    const event = navigationEvent('app://ccat/index.html#/assessments');
    webContents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented()).toBe(false);
  });

  it('opens an allowlisted link clicked in the page in the browser instead of navigating', () => {
    const { webContents } = openWindow();
    const event = navigationEvent('https://www.unodc.org/');
    webContents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented()).toBe(true);
    expect(fake.module.shell.openExternal).toHaveBeenCalledWith('https://www.unodc.org/');
  });

  it('refuses to attach a <webview>', () => {
    const { webContents } = openWindow();
    const event = navigationEvent('');
    webContents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented()).toBe(true);
  });
});

describe('session', () => {
  it('denies every permission request and check', () => {
    const { session } = openWindow().webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.permissionCheckHandler?.({}, 'media', 'app://ccat', {})).toBe(false);
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels any http(s) or websocket request the page might still attempt', () => {
    const { session } = openWindow().webContents;
    expect(session.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    session.beforeRequest?.listener({ url: 'https://fonts.example/font.woff2' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('window size on small screens', () => {
  it('opens no larger than the work area of a 1366×768 laptop, centred in it', () => {
    // Windows' taskbar takes 40 px at the bottom.
    fake.display.workArea = { x: 0, y: 0, width: 1366, height: 728 };
    const { options } = openWindow();
    expect(options).toMatchObject({ width: 1280, height: 728, x: 43, y: 0, minWidth: 800, minHeight: 600 });
  });

  it('fits a 1280×720 screen at 150 % with a taskbar at the top, and never asks for a minimum it cannot meet', () => {
    expect(windowBounds({ x: 0, y: 40, width: 1280, height: 640 })).toEqual({ x: 0, y: 40, width: 1280, height: 640, minWidth: 800, minHeight: 600 });
    expect(windowBounds({ x: 1920, y: 0, width: 700, height: 500 })).toEqual({ x: 1920, y: 0, width: 700, height: 500, minWidth: 700, minHeight: 500 });
  });

  it('keeps the preferred size, centred, on a large screen', () => {
    expect(windowBounds({ x: 0, y: 0, width: 1920, height: 1040 })).toEqual({ x: 320, y: 120, width: 1280, height: 800, minWidth: 800, minHeight: 600 });
  });
});
