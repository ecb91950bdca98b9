import { EventEmitter } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../core/temp-dir';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { bundlePathsFromArgv, handleOpenedFiles, readOpenedFile } = await import('../../electron/opened-files');
const tempDir = useTempDirs();

beforeEach(() => fake.reset());

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function setUp(read = readOpenedFile) {
  const app = new EventEmitter();
  const contents = new (class extends EventEmitter {
    readonly send = vi.fn();
  })();
  const show = vi.fn();
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: vi.fn((channel: string, handler: Handler) => void handlers.set(channel, handler)) };
  const trusted = { sender: contents } as unknown as IpcMainInvokeEvent;
  const stranger = { sender: {} } as unknown as IpcMainInvokeEvent;
  const opened = handleOpenedFiles({ app: app as never, contents: () => contents as never, show, read });
  opened.registerIpc(ipcMain, (event) => event.sender === (contents as unknown));
  const take = (event: IpcMainInvokeEvent) => handlers.get('ccat-shell:take-opened-files')!(event);
  return { app, contents, show, opened, take, trusted, stranger };
}

describe('.ccat files opened with the app', () => {
  it('takes only .ccat paths from a command line, resolved where the command ran', () => {
    expect(bundlePathsFromArgv(['--inspect', 'notes.txt', 'vn.ccat', '/data/HQ.CCAT', '--flag=x.ccat'], '/home/field')).toEqual([resolve('/home/field', 'vn.ccat'), resolve('/data/HQ.CCAT')]);
  });

  it('reads a file up to the limit, reports a larger one by size without reading it, and skips what is not a file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'small.ccat'), Buffer.from('PK\u0003\u0004 small'));
    await writeFile(join(dir, 'big.ccat'), Buffer.alloc(2048));
    await mkdir(join(dir, 'folder.ccat'));
    expect(await readOpenedFile(join(dir, 'small.ccat'), 1024)).toEqual({ name: 'small.ccat', bytes: new Uint8Array(Buffer.from('PK\u0003\u0004 small')) });
    expect(await readOpenedFile(join(dir, 'big.ccat'), 1024)).toEqual({ name: 'big.ccat', tooLarge: 2048 });
    expect(await readOpenedFile(join(dir, 'folder.ccat'), 1024)).toBeUndefined();
    expect(await readOpenedFile(join(dir, 'missing.ccat'), 1024)).toBeUndefined();
  });

  it('macOS open-file: keeps the file for the main window, shows it, nudges the page; only the trusted page gets the bytes, once', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'vn.ccat'), Buffer.from('bundle bytes'));
    const { app, contents, show, take, trusted, stranger } = setUp();
    const preventDefault = vi.fn();
    app.emit('open-file', { preventDefault }, join(dir, 'vn.ccat'));
    await vi.waitFor(() => expect(contents.send).toHaveBeenCalledWith('ccat-shell:file-opened'));
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(show).toHaveBeenCalled();
    expect(take(stranger)).toEqual([]);
    expect(take(trusted)).toEqual([{ name: 'vn.ccat', bytes: new Uint8Array(Buffer.from('bundle bytes')) }]);
    expect(take(trusted)).toEqual([]);
  });

  it('Windows/Linux: the file of a second launch and of this launch reach the page', async () => {
    const read = vi.fn(async (path: string) => ({ name: path, bytes: new Uint8Array([1]) }));
    const { app, take, trusted, opened, show } = setUp(read);
    app.emit('second-instance', {}, ['C:\\CCAT\\CCAT.exe', '--allow-file-access', 'report.ccat'], 'C:\\Users\\hq\\Downloads');
    await opened.openFromArgv(['/opt/ccat/ccat', 'first.ccat'], '/home/hq');
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2));
    expect(show).toHaveBeenCalled();
    expect((take(trusted) as Array<{ name: string }>).map((f) => f.name).sort()).toEqual([resolve('/home/hq', 'first.ccat'), resolve('C:\\Users\\hq\\Downloads', 'report.ccat')].sort());
    // The executable itself is never taken for a file, nor any switch.
    expect(read.mock.calls.map(([path]) => path).some((p) => p.includes('CCAT.exe') || p.includes('--'))).toBe(false);
  });
});
