import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { helpMenuItems, saveSupportLog } from '../../electron/help-menu';
import { createSupportLog } from '../../electron/log';
import { useTempDirs } from '../core/temp-dir';

vi.mock('electron', () => ({}));

describe('Help menu', () => {
  it('offers the guide (F1), the licences and the support log, in English', () => {
    const actions = { show: vi.fn(), saveLog: vi.fn() };
    const items = helpMenuItems('en', actions);
    expect(items.map((item) => item.label ?? item.type)).toEqual(["Assessor's guide", 'About CCAT and third-party licences', 'separator', 'Save log for support…', 'separator']);
    expect(items[0]!.accelerator).toBe('F1');
    for (const item of items) (item.click as (() => void) | undefined)?.();
    expect(actions.show.mock.calls).toEqual([[''], ['licences']]);
    expect(actions.saveLog).toHaveBeenCalledOnce();
  });
});

describe('Save log for support', () => {
  const tempDir = useTempDirs();
  const now = () => new Date('2026-12-01T10:00:00Z');

  it('saves the kept log where the user chooses, headed by the app and system versions', async () => {
    const dir = await tempDir();
    const log = createSupportLog({ dir: join(dir, 'logs'), home: '/home/someone', now });
    log.event('start');
    const target = join(dir, 'chosen.txt');
    const dialog = { showSaveDialogSync: vi.fn((): string => target), showErrorBox: vi.fn() };
    expect(saveSupportLog({ log, dialog, parent: undefined, language: 'en', documentsDir: '/docs', about: 'CCAT 0.1.0, Electron 45.5.0, linux x64 6.1', now })).toBe(true);
    expect(dialog.showSaveDialogSync).toHaveBeenCalledWith(expect.objectContaining({ title: 'Save log for support…', defaultPath: join('/docs', 'ccat-support-log-2026-12-01.txt') }));
    expect(readFileSync(target, 'utf8')).toBe('CCAT 0.1.0, Electron 45.5.0, linux x64 6.1\nSaved 2026-12-01T10:00:00.000Z\n\n2026-12-01T10:00:00.000Z start\n');
    expect(log.read()).toContain('support log saved');
  });

  it('writes nothing when the dialog is cancelled, and says so when the file cannot be written', async () => {
    const dir = await tempDir();
    const log = createSupportLog({ dir: join(dir, 'logs'), home: '/home/someone', now });
    const cancelled = { showSaveDialogSync: vi.fn((): string => ''), showErrorBox: vi.fn() };
    expect(saveSupportLog({ log, dialog: cancelled, parent: undefined, language: 'ja', documentsDir: dir, about: 'CCAT', now })).toBe(false);
    const broken = { showSaveDialogSync: vi.fn((): string => join(dir, 'missing', 'x.txt')), showErrorBox: vi.fn() };
    expect(saveSupportLog({ log, dialog: broken, parent: undefined, language: 'ja', documentsDir: dir, about: 'CCAT', now })).toBe(false);
    expect(broken.showErrorBox).toHaveBeenCalledWith('ログを保存できませんでした', expect.stringContaining('ENOENT'));
  });
});
