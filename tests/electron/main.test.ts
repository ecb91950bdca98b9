import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../core/api/commands';
import { CoreError } from '../../core/api/result';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const core = vi.hoisted(() => ({
  openCore: vi.fn(),
  instance: { dispatch: vi.fn(), close: vi.fn(async (): Promise<void> => undefined) },
}));
vi.mock('../../core/api/open-core.node.ts', () => ({ openCore: core.openCore }));

// The real log writes under userData, which here is the fake's '/fake/userData'; log.test.ts tests the files.
const log = vi.hoisted(() => ({ event: vi.fn(), error: vi.fn(), read: vi.fn(() => '') }));
vi.mock('../../electron/log', () => ({ createSupportLog: () => log }));

// Under vitest main.ts runs from electron/, not dist/electron/, so it sees the folder above the
// repository as its app root; the exact packaged/dev layout is pinned down in paths.test.ts.
const sourceAppRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** Runs electron/main.ts afresh, as a new process would. */
async function launch(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main');
}

beforeEach(() => {
  fake.reset();
  core.openCore.mockReset();
  core.openCore.mockResolvedValue(core.instance);
  core.instance.close.mockReset();
  core.instance.close.mockResolvedValue(undefined);
  log.event.mockClear();
  log.error.mockClear();
});

describe('single-instance lock', () => {
  it('quits at once, before opening anything, when another CCAT holds the lock', async () => {
    fake.module.app.lockGranted = false;
    await launch();
    expect(fake.module.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(fake.module.app.quit).toHaveBeenCalledOnce();
    expect(fake.module.app.whenReady).not.toHaveBeenCalled();
    expect(core.openCore).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await launch();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const window = fake.windows[0]!;
    window.minimized = true;
    fake.module.app.emit('second-instance', {}, ['ccat'], '/home/user');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(fake.windows).toHaveLength(1);
  });
});

describe('a .ccat file the app is launched with', () => {
  it('reaches the main window page, which takes it through the sender-checked channel', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ccat-open-'));
    const file = path.join(dir, 'vn.ccat');
    await writeFile(file, 'bundle');
    const argv = process.argv;
    process.argv = ['/opt/ccat/ccat', file];
    try {
      await launch();
      await vi.waitFor(() => expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith('ccat-shell:file-opened'));
      const take = fake.module.ipcMain.handle.mock.calls.find(([channel]) => channel === 'ccat-shell:take-opened-files')![1] as (event: unknown) => unknown;
      const window = fake.windows[0]!;
      expect(take({ sender: window.webContents, senderFrame: { parent: null, url: 'https://evil.example/' } })).toEqual([]);
      expect(take({ sender: window.webContents, senderFrame: { parent: null, url: 'app://ccat/index.html' } })).toEqual([{ name: 'vn.ccat', bytes: new Uint8Array(Buffer.from('bundle')) }]);
    } finally {
      process.argv = argv;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('start-up', () => {
  it('registers the app scheme as privileged once, before ready, and opens nothing until ready', async () => {
    let ready!: () => void;
    fake.module.app.whenReady.mockReturnValueOnce(new Promise<void>((resolve) => (ready = resolve)));
    await launch();
    // Not ready yet: the scheme is registered (Electron refuses it after ready), nothing else has happened.
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(fake.module.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(fake.module.app.whenReady.mock.invocationCallOrder[0]!);
    expect(core.openCore).not.toHaveBeenCalled();
    expect(fake.module.protocol.handle).not.toHaveBeenCalled();
    ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
  });

  it('opens the core on userData/ccat and the assessments folder, then wires protocol, IPC and the window', async () => {
    await launch();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(core.openCore).toHaveBeenCalledExactlyOnceWith({
      dataDir: path.join('/fake/userData', 'ccat'),
      assessmentsDir: path.join(sourceAppRoot, 'assessments'),
      appVersion: '0.1.0-test',
      exports: { printPdf: expect.any(Function), rasterize: expect.any(Function) },
    });
    expect(fake.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const channels = fake.module.ipcMain.handle.mock.calls.map(([channel]) => channel);
    // One channel per command, and the one the page takes .ccat files opened with the app from.
    expect(new Set(channels)).toEqual(new Set([...commandNames.map((name) => `ccat:${name}`), 'ccat-shell:take-opened-files']));
    const window = fake.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({ preload: path.join(import.meta.dirname, '..', '..', 'electron', 'preload.cjs') });
    expect(window.loadURL).toHaveBeenCalledWith('app://ccat/index.html');
    expect(fake.module.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    // The order the title promises: the core is open before anything can reach it, IPC answers before the page loads.
    const order = (mock: { mock: { invocationCallOrder: number[] } }) => mock.mock.invocationCallOrder[0]!;
    expect(order(core.openCore)).toBeLessThan(order(fake.module.protocol.handle));
    expect(order(core.openCore)).toBeLessThan(order(fake.module.ipcMain.handle));
    expect(order(fake.module.ipcMain.handle)).toBeLessThan(order(window.loadURL));
    expect(order(fake.module.protocol.handle)).toBeLessThan(order(window.loadURL));
  });

  it.each([
    ['STORE_LOCKED', 'The data folder is in use by another program.'],
    ['STORE_NEWER_VERSION', 'The data was written by a newer CCAT.'],
  ] as const)('shows %s in an error box and quits, with no window and no IPC', async (code, message) => {
    core.openCore.mockRejectedValue(new CoreError(code, message));
    await launch();
    await vi.waitFor(() => expect(fake.module.app.quit).toHaveBeenCalled());
    const [title, body] = fake.module.dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('CCAT cannot start');
    expect(body).toContain(message);
    expect(fake.windows).toHaveLength(0);
    expect(fake.module.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('start-up on a disk CCAT cannot write', () => {
  const readOnly = () =>
    new CoreError('NO_PERMISSION', 'CCAT is not allowed to write to the folder /x. ...; your changes are kept in the app and will be saved again.', {
      code: 'EROFS',
      cause: "EROFS: read-only file system, open '/fake/userData/ccat/ccat.lock'",
    });
  const full = () => new CoreError('DISK_FULL', 'The disk is full: ... your changes are kept in the app and will be saved again.', { code: 'ENOSPC', cause: 'ENOSPC: no space left on device' });

  it.each([
    ['read-only', readOnly, 'CCAT may not write to its data folder, so it cannot open it.', 'Make the folder writable for your account', 'EROFS: read-only file system'],
    ['full', full, 'The disk that holds the CCAT data folder is full', 'Free some space on that disk, then start CCAT again.', 'ENOSPC: no space left on device'],
  ])('says what happened on a %s disk and what to do, never that changes are kept', async (_name, error, what, todo, cause) => {
    core.openCore.mockRejectedValue(error());
    await launch();
    await vi.waitFor(() => expect(fake.module.app.quit).toHaveBeenCalled());
    const [title, body] = fake.module.dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('CCAT cannot start');
    expect(body).toContain(what);
    expect(body).toContain(todo);
    expect(body).toContain(cause);
    expect(body).toContain(`Data folder: ${path.join('/fake/userData', 'ccat')}`);
    expect(body).not.toMatch(/kept in the app|saved again/);
  });

  it("speaks the system's language", async () => {
    fake.module.app.locale = 'ja-JP';
    core.openCore.mockRejectedValue(readOnly());
    await launch();
    await vi.waitFor(() => expect(fake.module.app.quit).toHaveBeenCalled());
    const [title, body] = fake.module.dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('CCATを起動できません');
    expect(body).toContain('CCATがデータフォルダーに書き込めないため');
    expect(body).toContain('データフォルダー：');
  });
});

describe('downloads', () => {
  it('guards every export the page saves, once per launch', async () => {
    await launch();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.module.session.defaultSession.listenerCount('will-download')).toBe(1);
  });
});

describe('quitting', () => {
  it('holds the quit until the core has closed, then quits', async () => {
    let finishClose!: () => void;
    core.instance.close.mockImplementation(() => new Promise<void>((resolve) => (finishClose = resolve)));
    await launch();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));

    const preventDefault = vi.fn();
    fake.module.app.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(core.instance.close).toHaveBeenCalledOnce());
    fake.module.app.emit('will-quit', { preventDefault }); // user presses Quit again meanwhile
    expect(preventDefault).toHaveBeenCalledTimes(2);
    expect(core.instance.close).toHaveBeenCalledOnce();
    expect(fake.module.app.quit).not.toHaveBeenCalled();

    finishClose();
    await vi.waitFor(() => expect(fake.module.app.quit).toHaveBeenCalledOnce());
    const second = vi.fn();
    fake.module.app.emit('will-quit', { preventDefault: second });
    expect(second).not.toHaveBeenCalled(); // the second pass lets the quit through
    expect(core.instance.close).toHaveBeenCalledOnce();
  });
});

describe('support log and Help menu', () => {
  it('logs the start, and a failed command by its name and error code only', async () => {
    await launch();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(log.event).toHaveBeenCalledWith('start', expect.objectContaining({ app: expect.stringMatching(/^CCAT 0\.1\.0-test, Electron /), language: 'en' }));
    core.instance.dispatch.mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message: 'The notes "Interview with Mr Nguyen" were changed elsewhere.' } });
    const [, handler] = fake.module.ipcMain.handle.mock.calls.find(([channel]) => channel === 'ccat:updateResponse') as [string, (event: unknown, payload: unknown) => Promise<unknown>];
    const window = fake.windows[0]!;
    await handler({ sender: window.webContents, senderFrame: { parent: null, url: 'app://ccat/index.html' } }, { notes: 'Interview with Mr Nguyen' });
    expect(log.event).toHaveBeenLastCalledWith('command failed', { command: 'updateResponse', code: 'CONFLICT' });
    expect(JSON.stringify(log.event.mock.calls)).not.toContain('Nguyen');
  });

  it('puts the guide, the licences and "Save log for support" in the Help menu, in the system language', async () => {
    fake.module.app.locale = 'ja-JP';
    await launch();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const [template] = fake.module.Menu.buildFromTemplate.mock.calls[0] as [Array<{ role?: string; submenu?: Array<{ label?: string; role?: string; click?: () => void }> }>];
    const help = template.find((menu) => menu.role === 'help')!.submenu!;
    expect(help.map((item) => item.label ?? item.role)).toEqual(['評価者向けガイド', 'CCATについて及びサードパーティのライセンス', undefined, 'サポート用にログを保存…', undefined, 'CCATについて']);
    help[1]!.click!();
    expect(fake.windows[0]!.webContents.send).toHaveBeenCalledWith('ccat-shell:show-help', 'licences');
    // A page still loading gets the request once it has loaded.
    const contents = fake.windows[0]!.webContents;
    contents.send.mockClear();
    contents.loading = true;
    help[0]!.click!();
    expect(contents.send).not.toHaveBeenCalled();
    contents.emit('did-finish-load');
    expect(contents.send).toHaveBeenCalledExactlyOnceWith('ccat-shell:show-help', '');
  });
});
