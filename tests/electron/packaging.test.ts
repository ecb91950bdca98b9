import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../renderer/vite.config';
import { useTempDirs } from '../core/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const tempDir = useTempDirs();

/** electron-builder.yml as electron-builder itself reads it. */
async function builderConfig() {
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  const patterns = (config.files as Array<{ filter: string[] }>).flatMap((entry) => entry.filter);
  return { config, patterns };
}

const mentionsAssessments = (value: unknown) => JSON.stringify(value ?? null).includes('assessments');

describe('what the installer ships', () => {
  it('packs the framework and catalogue files into app.asar, under the integrity fuses, and unpacks nothing', async () => {
    const { config, patterns } = await builderConfig();
    expect(patterns).toContain('assessments/**');
    expect(config.asar).toBe(true);
    expect(mentionsAssessments(config.extraResources)).toBe(false);
    expect(mentionsAssessments(config.extraFiles)).toBe(false);
    expect(config.asarUnpack ?? []).toEqual([]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('associates .ccat files with CCAT as their viewer', async () => {
    const { config } = await builderConfig();
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'ccat', name: 'CCAT exchange file', role: 'Viewer', description: expect.stringMatching(/\S/) })]);
  });

  it('excludes every source map from the package', async () => {
    const { patterns } = await builderConfig();
    expect(patterns.at(-1)).toBe('!**/*.map'); // last, so no later pattern can bring one back
    expect(viteConfig.build?.sourcemap).toBe(false);
  });

  it('builds the shell for release without source maps or links to them', async () => {
    const out = await tempDir();
    const built = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron', 'build.ts'), '--release', '--out', out], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(built.status, built.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['main.cjs', 'preload.cjs']);
    for (const file of ['main.cjs', 'preload.cjs']) expect(await readFile(join(out, file), 'utf8')).not.toContain('sourceMappingURL');
  }, 60_000);
});
