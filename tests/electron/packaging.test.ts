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

  it('gives Windows, macOS and Linux an icon electron-builder can use: a 1024 px PNG and the Linux sizes', async () => {
    const { config } = await builderConfig();
    const size = async (file: string) => {
      const bytes = await readFile(join(root, file));
      expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(config.win?.icon).toBe('build/icon.png');
    expect(config.mac?.icon).toBe('build/icon.png');
    expect(await size('build/icon.png')).toEqual([1024, 1024]);
    expect(config.linux?.icon).toBe('build/icons');
    const linux = (await readdir(join(root, 'build', 'icons'))).sort((a, b) => parseInt(a) - parseInt(b));
    expect(linux).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png']);
    for (const file of linux) {
      const n = parseInt(file);
      expect(await size(join('build', 'icons', file))).toEqual([n, n]);
    }
  });

  it('ships the third-party licence texts the renderer build writes', async () => {
    const { patterns } = await builderConfig();
    expect(patterns).toContain('dist/renderer/**');
    expect(viteConfig.plugins?.flat().map((plugin) => (plugin && typeof plugin === 'object' && 'name' in plugin ? plugin.name : undefined))).toContain('ccat-third-party-licences');
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
    expect((await readdir(out)).sort()).toEqual(['fonts', 'main.cjs', 'preload.cjs']);
    // The Japanese font PDFs embed: the subset map, the licence and 120 subsets in two weights.
    const fonts = join(out, 'fonts', 'noto-sans-jp');
    expect((await readdir(fonts)).sort()).toEqual(['LICENSE', 'files', 'unicode.json']);
    expect((await readdir(join(fonts, 'files'))).filter((name) => /^noto-sans-jp-\d+-(400|700)-normal\.woff2$/.test(name))).toHaveLength(240);
    // Latin and Vietnamese, Thai, Khmer and Arabic: the subsets reports use, in the same two weights.
    expect((await readdir(join(out, 'fonts'))).sort()).toEqual(['noto-sans', 'noto-sans-arabic', 'noto-sans-jp', 'noto-sans-khmer', 'noto-sans-thai']);
    expect((await readdir(join(out, 'fonts', 'noto-sans', 'files'))).sort()).toEqual(
      ['latin', 'latin-ext', 'vietnamese'].flatMap((subset) => [400, 700].map((weight) => `noto-sans-${subset}-${weight}-normal.woff2`)).sort(),
    );
    for (const script of ['thai', 'khmer', 'arabic']) {
      expect((await readdir(join(out, 'fonts', `noto-sans-${script}`, 'files'))).sort()).toEqual([400, 700].map((weight) => `noto-sans-${script}-${script}-${weight}-normal.woff2`));
      expect((await readdir(join(out, 'fonts', `noto-sans-${script}`))).sort()).toEqual(['LICENSE', 'files', 'unicode.json']);
    }
    for (const file of ['main.cjs', 'preload.cjs']) expect(await readFile(join(out, file), 'utf8')).not.toContain('sourceMappingURL');
  }, 60_000);
});
