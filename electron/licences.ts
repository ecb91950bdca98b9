import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/*
 * Third-party licence texts for what CCAT ships. Every library is bundled (nothing is installed
 * beside the app), so "the production dependencies" are exactly the packages whose files end up
 * in a bundle: the renderer's (from Vite) and the main process's and preload's (from esbuild).
 * The renderer build writes them to dist/renderer/third-party-licences.txt, which the desktop
 * app and `serve` both ship and show under Help.
 */

export const LICENCES_FILE = 'third-party-licences.txt';

export interface LicenceEntry {
  name: string;
  version: string;
  licence: string;
  /** The package's own licence file, or a note that it has none. */
  text: string;
}

/** The folder of the package a bundled module belongs to: up to the name after the last node_modules. */
export function packageDirOf(modulePath: string): string | undefined {
  const normal = modulePath.replace(/^\0/, '').split('?')[0]!.replaceAll('\\', '/');
  const at = normal.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const [first, second] = normal.slice(at + '/node_modules/'.length).split('/');
  if (!first) return undefined;
  const name = first.startsWith('@') && second ? `${first}/${second}` : first;
  return `${normal.slice(0, at)}/node_modules/${name}`;
}

const licenceFile = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$|^licen[cs]e[-.]/i;

function readEntry(dir: string): LicenceEntry | undefined {
  let manifest: { name?: string; version?: string; license?: unknown };
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as typeof manifest;
  } catch {
    return undefined;
  }
  // A nested package.json ("type": "module" markers in dist folders) has no name: not a package.
  if (!manifest.name) return undefined;
  const licence = typeof manifest.license === 'string' ? manifest.license : 'not stated';
  const files = readdirSync(dir).filter((name) => licenceFile.test(name)).sort();
  const text = files.map((name) => readFileSync(path.join(dir, name), 'utf8').trim()).join('\n\n');
  return { name: manifest.name, version: manifest.version ?? '', licence, text: text || (licence === 'not stated' ? 'The package has no licence file and states no licence.' : `The package has no licence file; its package.json gives the licence as ${licence}.`) };
}

/** One entry per package among `modulePaths`, sorted by name; modules outside node_modules are CCAT's own. */
export function collectLicences(modulePaths: Iterable<string>): LicenceEntry[] {
  const dirs = new Set<string>();
  for (const modulePath of modulePaths) {
    const dir = packageDirOf(modulePath);
    if (dir) dirs.add(dir);
  }
  const byName = new Map<string, LicenceEntry>();
  for (const dir of dirs) {
    const entry = readEntry(dir);
    if (entry) byName.set(`${entry.name}@${entry.version}`, entry);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

export function renderLicences(entries: readonly LicenceEntry[]): string {
  const rule = '-'.repeat(72);
  const header = [
    'CCAT includes the following third-party software. Each package is listed with its version,',
    'its licence and the licence text it ships with.',
    '',
    ...entries.map((e) => `  ${e.name} ${e.version} (${e.licence})`),
  ].join('\n');
  return [header, ...entries.map((e) => `${rule}\n${e.name} ${e.version}\nLicence: ${e.licence}\n\n${e.text}`)].join('\n\n') + '\n';
}

/** The files esbuild bundles into the Electron main process and preload (electron/build.ts builds the same entries). */
export async function shellModules(repoRoot: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [path.join(repoRoot, 'electron', 'main.ts'), path.join(repoRoot, 'electron', 'preload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: path.join(repoRoot, 'dist', 'licence-scan'),
  });
  return Object.keys(result.metafile.inputs).map((input) => path.resolve(repoRoot, input));
}

/** Vite plugin: writes the licence texts of everything the renderer and the desktop shell bundle. */
export function licencesPlugin(repoRoot: string): Plugin {
  return {
    name: 'ccat-third-party-licences',
    apply: 'build',
    async generateBundle() {
      const modules = [...this.getModuleIds(), ...(await shellModules(repoRoot))];
      this.emitFile({ type: 'asset', fileName: LICENCES_FILE, source: renderLicences(collectLicences(modules)) });
    },
  };
}
