import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { guardDownloads } from '../../electron/downloads';
import { useTempDirs } from '../core/temp-dir';
import { FakeSession } from './fake-electron';

const tempDir = useTempDirs();

const dialog = { showSaveDialogSync: vi.fn(), showErrorBox: vi.fn() };
beforeEach(() => vi.clearAllMocks());

function downloadItem() {
  return { getFilename: () => 'report.html', setSavePath: vi.fn(), cancel: vi.fn() };
}

/** Starts a download of report.html for which the user picks `chosen` in the save dialog (undefined: cancelled). */
async function download(chosen: string | undefined, language: 'en' | 'ja' = 'en') {
  const dataDir = join(await tempDir(), 'ccat');
  await mkdir(dataDir);
  const session = new FakeSession();
  guardDownloads(session as never, { dataDir, dialog: dialog as never, parent: () => undefined, language: () => language });
  dialog.showSaveDialogSync.mockReturnValue(typeof chosen === 'string' ? chosen.replace('<data>', dataDir) : undefined);
  const item = downloadItem();
  session.emit('will-download', {}, item);
  return { item, dataDir };
}

describe('saving an export from the desktop app', () => {
  it('asks with the native save dialog, which confirms before replacing a file', async () => {
    const out = join(await tempDir(), 'report.html');
    const { item } = await download(out);
    expect(dialog.showSaveDialogSync).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'report.html', properties: expect.arrayContaining(['showOverwriteConfirmation']) }));
    expect(item.setSavePath).toHaveBeenCalledExactlyOnceWith(out);
    expect(item.cancel).not.toHaveBeenCalled();
  });

  it('replaces an existing ordinary file the user confirmed in the dialog', async () => {
    const out = join(await tempDir(), 'report.html');
    await writeFile(out, 'old');
    const { item } = await download(out);
    expect(item.setSavePath).toHaveBeenCalledExactlyOnceWith(out);
  });

  it('saves nothing when the dialog is cancelled', async () => {
    const { item } = await download(undefined);
    expect(item.cancel).toHaveBeenCalledOnce();
    expect(item.setSavePath).not.toHaveBeenCalled();
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it("refuses the data folder's own files and says why, in the app's language", async () => {
    const { item, dataDir } = await download('<data>/index.json');
    expect(item.cancel).toHaveBeenCalledOnce();
    expect(item.setSavePath).not.toHaveBeenCalled();
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('The file was not saved', `${join(dataDir, 'index.json')} is inside the CCAT data folder. Save exports in another folder, so that the stored assessments stay intact.`);
    const ja = await download('<data>/report.html', 'ja');
    expect(ja.item.cancel).toHaveBeenCalledOnce();
    expect(dialog.showErrorBox).toHaveBeenLastCalledWith('ファイルは保存されませんでした', expect.stringContaining('CCATのデータフォルダー内にあります'));
  });

  it('refuses a symbolic link and a named pipe, leaving them as they are', async () => {
    const folder = await tempDir();
    const victim = join(folder, 'victim.txt');
    await writeFile(victim, 'kept');
    await symlink(victim, join(folder, 'link.html'));
    const linked = await download(join(folder, 'link.html'));
    expect(linked.item.cancel).toHaveBeenCalledOnce();
    expect(dialog.showErrorBox).toHaveBeenLastCalledWith('The file was not saved', expect.stringContaining('is not an ordinary file'));
    execFileSync('mkfifo', [join(folder, 'pipe')]);
    const piped = await download(join(folder, 'pipe'));
    expect(piped.item.cancel).toHaveBeenCalledOnce();
    expect(piped.item.setSavePath).not.toHaveBeenCalled();
    expect(await readFile(victim, 'utf8')).toBe('kept');
  });
});
