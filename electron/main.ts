import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { openCore } from '../core/api/open-core.node.ts';
import { languageForLocale, startupFailure } from '../core/i18n/shell-messages';
import { APP_ENTRY_URL } from './app-url';
import { guardDownloads } from './downloads';
import { electronExportServices } from './export-services';
import { registerIpc, trustedSender } from './ipc';
import { buildMenuTemplate } from './menu';
import { handleOpenedFiles } from './opened-files';
import { resolveAppPaths, type AppPaths } from './paths';
import { appScheme, registerAppProtocol } from './protocol';
import { closeCoreOnQuit } from './shutdown';
import { createMainWindow } from './window';

/*
 * App entry, bundled to dist/electron/main.cjs. Order matters: the scheme must be privileged
 * before 'ready', the core must be open before IPC is registered, and IPC before the page loads.
 */

protocol.registerSchemesAsPrivileged([appScheme]);

let mainWindow: BrowserWindow | undefined;
/** Set once the core is open and IPC is registered; until then there is no window to show. */
let appPaths: AppPaths | undefined;

function liveWindow(): BrowserWindow | undefined {
  return mainWindow !== undefined && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

/** Focuses the window, or opens it again (macOS keeps the app running with none). */
function showMainWindow(): void {
  if (appPaths === undefined) return;
  const existing = liveWindow();
  if (existing) {
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
    return;
  }
  mainWindow = createMainWindow({ preloadPath: appPaths.preloadPath });
  mainWindow.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('CCAT: the window did not load', error));
}

/** The OS language, for the few texts the main process shows itself (the page has its own setting). */
function language() {
  return languageForLocale(app.getLocale());
}

async function start(): Promise<void> {
  const paths = resolveAppPaths({
    bundleDir: __dirname, // the CommonJS bundle's own folder
    userDataDir: app.getPath('userData'),
  });

  let core: Awaited<ReturnType<typeof openCore>>;
  try {
    core = await openCore({
      dataDir: paths.dataDir,
      assessmentsDir: paths.assessmentsDir,
      appVersion: app.getVersion(),
      exports: electronExportServices(BrowserWindow),
    });
  } catch (error) {
    // A full or read-only disk, STORE_LOCKED (the CLI holds the folder), STORE_NEWER_VERSION, a
    // broken install: without a core there is nothing to show but what happened and what to do.
    const { title, message } = startupFailure(language(), error, paths.dataDir);
    dialog.showErrorBox(title, message);
    app.quit();
    return;
  }
  closeCoreOnQuit(app, () => core.close());
  guardDownloads(session.defaultSession, { dataDir: paths.dataDir, dialog, parent: liveWindow, language });

  registerAppProtocol(protocol, paths.rendererDir);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform, language: language() })));
  app.setAboutPanelOptions({ applicationName: 'CCAT', applicationVersion: app.getVersion(), credits: 'Cyber Capacity Assessment Tool' });
  registerIpc(ipcMain, core, trustedSender(() => liveWindow()?.webContents));
  openedFiles?.registerIpc(ipcMain, trustedSender(() => liveWindow()?.webContents));

  appPaths = paths;
  showMainWindow();
  app.on('activate', showMainWindow); // macOS: the dock icon of a running app with no window
  void openedFiles?.openFromArgv(process.argv, process.cwd());
}

/** .ccat files opened with the app (file association); set up before 'ready', when macOS may already send one. */
let openedFiles: ReturnType<typeof handleOpenedFiles> | undefined;

// One process per data folder: a second launch hands over to the first and leaves.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (maybe with a .ccat file to open) hands over to this one and leaves.
  openedFiles = handleOpenedFiles({ app, contents: () => liveWindow()?.webContents, show: showMainWindow });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const { title, message } = startupFailure(language(), error);
      dialog.showErrorBox(title, message);
      app.quit();
    });
}
