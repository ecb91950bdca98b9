import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { homedir, release } from 'node:os';
import path from 'node:path';
import { openCore } from '../core/api/open-core.node.ts';
import { languageForLocale, startupFailure } from '../core/i18n/shell-messages';
import { APP_ENTRY_URL } from './app-url';
import { guardDownloads } from './downloads';
import { electronExportServices } from './export-services';
import { registerIpc, trustedSender } from './ipc';
import { buildMenuTemplate } from './menu';
import { helpMenuItems, saveSupportLog, showHelp } from './help-menu';
import { createSupportLog, type SupportLog } from './log';
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
/** Opened first thing in start(): <userData>/logs, rotated by size, free of personal data (log.ts). */
let log: SupportLog | undefined;
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
  mainWindow.webContents.on('render-process-gone', (_event, details) => log?.event('window process gone', { reason: details.reason, exitCode: details.exitCode }));
  mainWindow.on('unresponsive', () => log?.event('window unresponsive'));
  mainWindow.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('CCAT: the window did not load', error));
}

/** The OS language, for the few texts the main process shows itself (the page has its own setting). */
function language() {
  return languageForLocale(app.getLocale());
}

/** "CCAT 0.1.0, Electron 45.5.0, linux x64 6.1.0": the first line of every log start and saved log. */
function about(): string {
  return `CCAT ${app.getVersion()}, Electron ${process.versions.electron ?? '?'}, ${process.platform} ${process.arch} ${release()}`;
}

function startLog(): SupportLog {
  const supportLog = createSupportLog({ dir: path.join(app.getPath('userData'), 'logs'), home: homedir() });
  supportLog.event('start', { app: about(), language: language(), packaged: app.isPackaged });
  process.on('uncaughtExceptionMonitor', (error) => supportLog.error('uncaught exception', error));
  app.on('child-process-gone', (_event, details) => supportLog.event('child process gone', { type: details.type, reason: details.reason, exitCode: details.exitCode }));
  return supportLog;
}

async function start(): Promise<void> {
  const supportLog = (log = startLog());
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
      exports: electronExportServices(BrowserWindow, paths.pdfFontDir),
    });
  } catch (error) {
    // A full or read-only disk, STORE_LOCKED (the CLI holds the folder), STORE_NEWER_VERSION, a
    // broken install: without a core there is nothing to show but what happened and what to do.
    supportLog.error('data folder not opened', error);
    const { title, message } = startupFailure(language(), error, paths.dataDir);
    dialog.showErrorBox(title, message);
    app.quit();
    return;
  }
  closeCoreOnQuit(app, () => core.close());
  guardDownloads(session.defaultSession, { dataDir: paths.dataDir, dialog, parent: liveWindow, language });

  registerAppProtocol(protocol, paths.rendererDir);
  const help = helpMenuItems(language(), {
    show: (section) => {
      showMainWindow();
      showHelp(liveWindow(), section);
    },
    saveLog: () => saveSupportLog({ log: supportLog, dialog, parent: liveWindow(), language: language(), documentsDir: app.getPath('documents'), about: about() }),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform, language: language(), help })));
  app.setAboutPanelOptions({ applicationName: 'CCAT', applicationVersion: app.getVersion(), credits: 'Cyber Capacity Assessment Tool' });
  // Failed commands are logged by name and error code only: never the input or the message.
  const logged = {
    dispatch: async (name: unknown, payload: unknown) => {
      const result = await core.dispatch(name, payload);
      if (!result.ok) supportLog.event('command failed', { command: String(name), code: result.error.code });
      return result;
    },
  };
  registerIpc(ipcMain, logged, trustedSender(() => liveWindow()?.webContents));
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
      log?.error('start failed', error);
      const { title, message } = startupFailure(language(), error);
      dialog.showErrorBox(title, message);
      app.quit();
    });
}
