import { execFileSync, spawnSync } from 'node:child_process';
import { lstat, mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkOut, runExport } from '../../cli/commands/export';
import { UsageError } from '../../cli/usage';
import { seedDataDir } from '../core/report/seed-store';
import { useTempDirs } from '../core/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const tempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

const before = 'a file the user keeps\n';

async function seeded() {
  const dataDir = await tempDir();
  const { id } = await seedDataDir(dataDir);
  return { dataDir, id, outside: await tempDir() };
}

/** Runs `ccat export` in-process and returns the refusal it raised. */
async function refusal(dataDir: string, id: string, out: string, extra: Record<string, unknown> = {}): Promise<string> {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = await runExport({ 'data-dir': dataDir, format: 'html', out, ...extra }, [id]).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

describe('ccat export --out', () => {
  it("refuses the store's own index.json and leaves it byte-identical", async () => {
    const { dataDir, id } = await seeded();
    const index = join(dataDir, 'index.json');
    const original = await readFile(index);
    expect(await refusal(dataDir, id, index, { force: true })).toMatch(/^--out refused \(inside-data-folder\): .*index\.json is inside the CCAT data folder/);
    expect(await readFile(index)).toEqual(original);
  });

  it('refuses a new name inside the data folder, even through a symbolic link to it', async () => {
    const { dataDir, id, outside } = await seeded();
    const link = join(outside, 'looks-outside');
    await symlink(dataDir, link);
    expect(await refusal(dataDir, id, join(link, 'report.html'))).toMatch(/\(inside-data-folder\)/);
    expect(await refusal(dataDir, id, join(dataDir, 'report.html'))).toMatch(/\(inside-data-folder\)/);
    await expect(lstat(join(dataDir, 'report.html'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a symbolic link and leaves both the link and the file it points to alone', async () => {
    const { dataDir, id, outside } = await seeded();
    const victim = join(outside, 'victim.txt');
    const link = join(outside, 'report.html');
    await writeFile(victim, before);
    await symlink(victim, link);
    expect(await refusal(dataDir, id, link, { force: true })).toMatch(/^--out refused \(not-a-regular-file\): .* is a symbolic link, not a regular file/);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(victim);
    expect(await readFile(victim, 'utf8')).toBe(before);
  });

  it('refuses a named pipe, a device and a folder', async () => {
    const { dataDir, id, outside } = await seeded();
    const fifo = join(outside, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(dataDir, id, fifo, { force: true })).toMatch(/\(not-a-regular-file\): .* is a named pipe \(FIFO\)/);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    // The CLI's own check, without running the export: as root, a broken rule would replace /dev/null itself.
    expect(() => checkOut({ out: '/dev/null', force: true }, dataDir)).toThrow(/^--out refused \(not-a-regular-file\): \/dev\/null is a device/);
    expect((await lstat('/dev/null')).isCharacterDevice()).toBe(true);
    const folder = join(outside, 'folder');
    await mkdir(folder);
    expect(await refusal(dataDir, id, folder, { force: true })).toMatch(/\(not-a-regular-file\): .* is a folder/);
  });

  it('refuses a target in a folder that does not exist', async () => {
    const { dataDir, id, outside } = await seeded();
    expect(await refusal(dataDir, id, join(outside, 'missing', 'report.html'))).toMatch(/\(folder-missing\): The folder .*missing does not exist/);
  });

  it('replaces an existing file only with --force', async () => {
    const { dataDir, id, outside } = await seeded();
    const out = join(outside, 'report.html');
    await writeFile(out, before);
    expect(await refusal(dataDir, id, out)).toMatch(/^--out refused \(exists\): .*report\.html already exists .* Add --force to replace it/);
    expect(await readFile(out, 'utf8')).toBe(before);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await runExport({ 'data-dir': dataDir, format: 'html', out, force: true }, [id])).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('exits 2 and names the rule on the command line', async () => {
    const { dataDir, id, outside } = await seeded();
    const out = join(outside, 'report.html');
    await writeFile(out, before);
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli', 'main.ts'), 'export', id, '--format', 'csv', '--data-dir', dataDir, '--out', out, ...extra], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const refused = run();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--out refused (exists)');
    expect(await readFile(out, 'utf8')).toBe(before);
    const forced = run('--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^\uFEFF"number"/);
  }, 60_000);
});
