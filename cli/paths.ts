import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this module with a package.json: cli/ under tsx, dist/cli/ when built. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}: cannot find the CCAT folder.`);
  }
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const assessmentsDir = join(repoRoot, 'assessments');
export const rendererDir = join(repoRoot, 'dist', 'renderer');

export const appVersion: string = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The folder the desktop app uses (Electron's userData/ccat), so the CLI and the app share data by default. */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'CCAT', 'ccat');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'CCAT', 'ccat');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'CCAT', 'ccat');
}
