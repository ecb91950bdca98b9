import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/*
 * A stand-in for the `electron` module: just enough surface for electron/ to run under
 * vitest, recording what the shell asked for. Electron's binary is never needed.
 * Use it from a test file as:
 *   const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
 *   vi.mock('electron', () => fake.module);
 */

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (...args: unknown[]) => boolean;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  devicePermissionHandler: PermissionCheckHandler | undefined;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | undefined;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: PermissionCheckHandler): void {
    this.devicePermissionHandler = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener): void => {
      this.beforeRequest = { filter, listener };
    },
  };
}

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
  loading = false;
  isLoading(): boolean {
    return this.loading;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

/** A navigation-style event: records whether the shell cancelled it. */
export function navigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } {
  const preventDefault = vi.fn();
  return { url, preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

export function createFakeElectron() {
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn(() => {
      this.minimized = false;
    });
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
  }

  class FakeApp extends EventEmitter {
    isPackaged = false;
    lockGranted = true;
    userData = '/fake/userData';
    locale = 'en-US';
    readonly getLocale = vi.fn(() => this.locale);
    readonly requestSingleInstanceLock = vi.fn(() => this.lockGranted);
    readonly quit = vi.fn();
    readonly exit = vi.fn();
    readonly whenReady = vi.fn(() => Promise.resolve());
    readonly getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : `/fake/${name}`));
    readonly getVersion = vi.fn(() => '0.1.0-test');
    readonly setAboutPanelOptions = vi.fn();
  }

  const defaultWorkArea = { x: 0, y: 0, width: 1920, height: 1040 };
  const display = { workArea: { ...defaultWorkArea } };

  const module = {
    app: new FakeApp(),
    screen: { getPrimaryDisplay: vi.fn(() => display) },
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    dialog: { showErrorBox: vi.fn(), showSaveDialogSync: vi.fn((..._args: unknown[]): string | undefined => undefined) },
    session: { defaultSession: new FakeSession() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, data: null })), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
  };

  return {
    module,
    windows,
    /** The primary display's work area the next window opens on. */
    display,
    /** Empty records and default state for the next test (the objects stay: modules hold them). */
    reset(): void {
      windows.length = 0;
      module.app.removeAllListeners();
      module.app.isPackaged = false;
      module.app.lockGranted = true;
      module.app.userData = '/fake/userData';
      module.app.locale = 'en-US';
      display.workArea = { ...defaultWorkArea };
      module.session.defaultSession.removeAllListeners();
      vi.clearAllMocks();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeBrowserWindowInstance = FakeElectron['windows'][number];
