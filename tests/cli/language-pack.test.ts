import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../core/store/helpers';
import { useTempDirs } from '../core/temp-dir';
import { setXliffTarget } from '../core/i18n/language-pack/pack-files';
import { runCcat } from './ccat';

const tempDir = useTempDirs();

describe('ccat language-pack', () => {
  it('exports Khmer as XLIFF, imports the translated file into the data folder, and refuses a broken one with its line, changing nothing', async () => {
    const dataDir = await tempDir();
    const work = await tempDir();
    const out = join(work, 'km.xlf');

    const exported = runCcat(['language-pack', 'export', '--language', 'km', '--format', 'xliff', '--out', out, '--data-dir', dataDir]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/core check: XLIFF 2\.0 re-read: \d+ units for km/);
    expect(exported.stdout).toMatch(/on disk: +XLIFF re-read: \d+ units for km; identical to the export/);
    const xml = await readFile(out, 'utf8');

    const translated = join(work, 'km-done.xlf');
    await writeFile(translated, setXliffTarget(xml, 'common:app.tagline', 'ឧបករណ៍វាយតម្លៃសាយប័រ'));
    const imported = runCcat(['language-pack', 'import', translated, '--data-dir', dataDir]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain(`Installed the km language pack (draft) from ${translated}`);
    const pack = JSON.parse(await readFile(join(dataDir, 'language-packs', 'km.json'), 'utf8')) as { texts: Record<string, string> };
    expect(pack.texts).toEqual({ 'common:app.tagline': 'ឧបករណ៍វាយតម្លៃសាយប័រ' });

    const before = await snapshotTree(dataDir);
    const broken = join(work, 'km-broken.xlsx');
    await writeFile(broken, setXliffTarget(xml, 'report:generatedAt', 'បានបង្កើត'));
    const refused = runCcat(['language-pack', 'import', broken, '--data-dir', dataDir]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(`${broken}: refused; nothing was installed or changed.`);
    expect(refused.stdout).toMatch(/line \d+, "report:generatedAt": the translation lacks \{\{date\}\}, \{\{version\}\}/);
    expect(await snapshotTree(dataDir)).toEqual(before);
  });

  it('names a wrong flag as a usage error (exit 2)', () => {
    const wrong = runCcat(['language-pack', 'export', '--language', 'de', '--format', 'xliff', '--out', 'x.xlf']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--language must be one of en, ja, vi, id, th, km, fr, ar (got "de")');
  });
});
