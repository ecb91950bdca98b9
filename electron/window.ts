import { BrowserWindow, screen, shell, type Rectangle, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';
import { isAllowedExternalUrl } from './external-links';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
}

const preferred = { width: 1280, height: 800 };
const minimum = { width: 800, height: 600 };

/**
 * The window's first size and place: the preferred size where it fits, otherwise the whole work
 * area (the screen less the taskbar or dock), centred in it. A 1366×768 laptop has about 1366×728
 * to give; a window taller than that would hide its bottom edge, and the rating screen's Next, below the taskbar.
 */
export function windowBounds(workArea: Rectangle) {
  const width = Math.min(preferred.width, workArea.width);
  const height = Math.min(preferred.height, workArea.height);
  return {
    x: workArea.x + Math.floor((workArea.width - width) / 2),
    y: workArea.y + Math.floor((workArea.height - height) / 2),
    width,
    height,
    minWidth: Math.min(minimum.width, width),
    minHeight: Math.min(minimum.height, height),
  };
}

/** The one window. Nothing is loaded here: the caller loads the app URL after wiring IPC. */
export function createMainWindow({ preloadPath }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...windowBounds(screen.getPrimaryDisplay().workArea),
    title: 'CCAT',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // On Linux, Chromium's spellchecker downloads dictionaries from Google: a network request
      // the design forbids. Windows and macOS use the OS spellchecker offline.
      spellcheck: process.platform !== 'linux',
      preload: preloadPath,
    },
  });
  hardenWebContents(window.webContents);
  hardenSession(window.webContents.session);
  window.once('ready-to-show', () => window.show());
  return window;
}

function openIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) {
    shell.openExternal(url).catch(() => undefined); // no browser configured: nothing to do
  }
}

/** The page may not open windows, leave app://ccat, or embed a <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault(): void; url: string }): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openIfAllowed(event.url); // a plain <a href="https://..."> click lands here
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No camera, microphone, geolocation, notifications, devices... and no network. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Defence in depth behind the CSP: the app makes no network request at run time.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}
