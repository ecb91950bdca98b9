// Runs a build only when one of its sources is newer than its output, so `npm run serve` and
// `npm run ccat` start at once when nothing changed. Plain JavaScript on purpose: it runs
// before anything is built, and going through tsx would cost the second this check saves.
//
//   node cli/build-if-stale.mjs cli|renderer...
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What each build reads and writes; the output file is rewritten by every build. */
const targets = {
  cli: { script: 'build:cli', output: 'dist/cli/ccat.mjs', sources: ['cli', 'core', 'locales', 'package-lock.json'] },
  renderer: { script: 'build:renderer', output: 'dist/renderer/index.html', sources: ['renderer', 'locales', 'core', 'docs', 'electron/licences.ts', 'package-lock.json'] },
};

/** The newest modification time under `path` (a file or a folder), with the file that has it. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return { time: 0, file: path };
  if (!stat.isDirectory()) return { time: stat.mtimeMs, file: path };
  let best = { time: 0, file: path };
  for (const entry of readdirSync(path)) {
    const found = newest(join(path, entry));
    if (found.time > best.time) best = found;
  }
  return best;
}

const names = process.argv.slice(2);
if (names.length === 0 || names.some((name) => !(name in targets))) {
  console.error(`usage: node cli/build-if-stale.mjs ${Object.keys(targets).join('|')}...`);
  process.exit(2);
}
for (const name of names) {
  const { script, output, sources } = targets[name];
  const built = statSync(join(root, output), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const source = sources.map((path) => newest(join(root, path))).reduce((a, b) => (b.time > a.time ? b : a));
  if (built >= source.time) continue;
  console.error(built === 0 ? `${output} is missing: npm run ${script}` : `${relative(root, source.file)} changed since the last build: npm run ${script}`);
  // The build's own output goes to stderr: `npm run ccat -- ... --json` keeps a clean stdout.
  const run = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 2, 'inherit'] });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
