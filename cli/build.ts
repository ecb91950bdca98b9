import { chmodSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/*
 * Bundles the CLI: `tsx cli/build.ts` (npm run build:cli) → dist/cli/ccat.mjs, the `ccat` bin.
 * Plain JavaScript in one file starts in a fraction of the time tsx needs to compile the sources.
 * Code splitting turns every dynamic import (a command's module, exceljs, docx, jszip) into its
 * own chunk, so a command loads only what it uses.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliOutDir = path.join(repoRoot, 'dist', 'cli');

rmSync(cliOutDir, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: repoRoot,
    entryPoints: { ccat: path.join(repoRoot, 'cli', 'main.ts') },
    outdir: cliOutDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // playwright-core finds its own files (drivers, protocol) relative to its package folder.
    external: ['playwright-core'],
    // Bundled CommonJS packages (exceljs, jszip) still call require() for Node built-ins.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __ccatCreateRequire } from 'node:module';\nconst require = __ccatCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The `bin` entry runs the file itself: npm makes installed bins executable, a fresh build must be too.
  chmodSync(path.join(cliOutDir, 'ccat.mjs'), 0o755);
  console.log(`cli: built ${path.relative(repoRoot, cliOutDir)}/ccat.mjs`);
} catch (error) {
  console.error(`cli build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}
