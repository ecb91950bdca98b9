import { chmod, chown, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { commandFailure } from '../../cli/messages';
import { CoreError } from '../../core/api/result';
import { storeIoError } from '../../core/store/errors';
import { useTempDirs } from '../core/temp-dir';
import { runCcat } from './ccat';

const tempDir = useTempDirs();

const systemError = (code: string, text: string) => Object.assign(new Error(`${code}: ${text}`), { code });

describe('what a failed command prints', () => {
  it('on a full disk speaks of the command and what to do before running it again, not of the app', () => {
    const error = storeIoError(systemError('ENOSPC', 'no space left on device, write'), { operation: 'write', file: '/out/report.pdf', folder: '/out' });
    expect(error.message).toContain('kept in the app'); // the store's words, meant for the desktop app
    const printed = commandFailure(error);
    expect(printed).toBe('The disk is full: this command could not write /out/report.pdf, so it stopped. Free some space on that disk, then run the command again.');
  });

  it('on a read-only folder names the file, the system error and the way out', () => {
    const error = storeIoError(systemError('EROFS', 'read-only file system, open /data/ccat.lock'), { operation: 'write', file: '/data/ccat.lock', folder: '/data' });
    const printed = commandFailure(error);
    expect(printed).toMatch(/^This command may not use \/data\/ccat\.lock \(EROFS: read-only file system, open \/data\/ccat\.lock\), so it stopped\./);
    expect(printed).toContain('run the command again');
    expect(printed).not.toMatch(/kept in the app|saved again/);
  });

  it("passes every other message through as the core wrote it", () => {
    expect(commandFailure(new CoreError('NOT_FOUND', 'There is no assessment with id "x".'))).toBe('There is no assessment with id "x".');
    expect(commandFailure(new Error('plain'))).toBe('plain');
  });

  it('`ccat serve` on a folder it may not write exits 1 with that message', async () => {
    const dataDir = await tempDir();
    // Root ignores file permissions: as root, serve runs as "nobody" on a folder only root may change.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chown(dataDir, 0, 0);
    await chmod(dataDir, 0o555);
    const run = runCcat(['serve', '--data-dir', dataDir, '--port', '0'], {
      timeout: 60_000,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    await chmod(dataDir, 0o700);
    expect(run.status, run.stderr + run.stdout).toBe(1);
    expect(run.stderr).toMatch(/^ccat: This command may not use .* \(EACCES: permission denied/);
    expect(run.stderr).not.toMatch(/kept in the app/);
    expect(await readdir(dataDir)).toEqual([]);
  }, 60_000);
});
