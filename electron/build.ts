import { rmSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { pdfFontFile, pdfFonts, pdfFontWeights } from '../core/report/fonts';
import { unsupportedElectron } from './support';

/*
 * Bundles the Electron shell: `tsx electron/build.ts` (npm run build:electron).
 * Both outputs are self-contained CommonJS with only `electron` left external, so the packaged
 * app needs no node_modules at run time and the sandboxed preload can load at all.
 * `--release` (npm run dist) leaves out source maps: the installer ships none.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = process.argv.includes('--release');
// `--out DIR` lets the packaging test build a release elsewhere than the working copy's dist/.
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 && process.argv[outIndex + 1] ? path.resolve(process.argv[outIndex + 1]!) : path.join(repoRoot, 'dist', 'electron');

const common: BuildOptions = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  sourcemap: !release,
  logLevel: 'warning',
};

/** Fails the build when an output would `require` something other than what `allowed` accepts. */
function assertExternals(metafile: Metafile, outfile: string, allowed: (specifier: string) => boolean): void {
  const key = path.relative(repoRoot, outfile).split(path.sep).join('/');
  const output = metafile.outputs[key];
  if (output === undefined) throw new Error(`esbuild produced no ${key}`);
  const stray = output.imports.filter((entry) => entry.external && !allowed(entry.path)).map((entry) => entry.path);
  if (stray.length > 0) throw new Error(`${key} would require ${stray.join(', ')} at run time; bundle it instead`);
}

async function buildMain(): Promise<void> {
  const outfile = path.join(outDir, 'main.cjs');
  const result = await build({
    ...common,
    entryPoints: [path.join(repoRoot, 'electron', 'main.ts')],
    outfile,
    metafile: true,
    target: 'node20',
    // CommonJS has no import.meta. The shell passes every path to the core explicitly, but a
    // core module that still reads import.meta.url gets the bundle's own file URL rather
    // than undefined.
    define: { 'import.meta.url': '__ccatImportMetaUrl' },
    banner: { js: 'const __ccatImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  assertExternals(result.metafile, outfile, (specifier) => specifier === 'electron' || isBuiltin(specifier));
}

async function buildPreload(): Promise<void> {
  const outfile = path.join(outDir, 'preload.cjs');
  const result = await build({
    ...common,
    entryPoints: [path.join(repoRoot, 'electron', 'preload.ts')],
    outfile,
    metafile: true,
    // Runs in the renderer's V8, not Node: plain ES2022 suits any supported Electron.
    target: 'es2022',
    // The command list pulls in zod's schemas; minifying roughly halves what every window parses.
    minify: true,
  });
  // A sandboxed preload's `require` knows only `electron` and a few polyfilled built-ins.
  assertExternals(result.metafile, outfile, (specifier) => specifier === 'electron');
}

/**
 * The fonts PDFs embed (core/report/fonts.ts, pdf-fonts.node.ts): per package its subset map, its
 * licence and the subsets reports use in the two weights, about 9 MB, beside the bundle in app.asar
 * (fonts/<package>/, the layout the packages have under node_modules/@fontsource).
 */
async function copyPdfFonts(): Promise<void> {
  await Promise.all(
    pdfFonts.map(async (font) => {
      const from = path.dirname(createRequire(import.meta.url).resolve(`@fontsource/${font.package}/unicode.json`));
      const to = path.join(outDir, 'fonts', font.package);
      const subsets = Object.keys(JSON.parse(await readFile(path.join(from, 'unicode.json'), 'utf8')) as Record<string, string>).filter(font.subset);
      await mkdir(path.join(to, 'files'), { recursive: true });
      await copyFile(path.join(from, 'unicode.json'), path.join(to, 'unicode.json'));
      await copyFile(path.join(from, 'LICENSE'), path.join(to, 'LICENSE'));
      const files = subsets.flatMap((subset) => pdfFontWeights.map((weight) => pdfFontFile(font, subset, weight)));
      await Promise.all(files.map((name) => copyFile(path.join(from, 'files', name), path.join(to, 'files', name))));
    }),
  );
}

rmSync(outDir, { recursive: true, force: true });
try {
  const electron = unsupportedElectron((createRequire(import.meta.url)('electron/package.json') as { version: string }).version);
  if (electron !== undefined) throw new Error(electron);
  await Promise.all([buildMain(), buildPreload(), copyPdfFonts()]);
  console.log(`electron: built ${outDir}/main.cjs and preload.cjs${release ? ' (release: no source maps)' : ''}`);
} catch (error) {
  // esbuild has already printed its own diagnostics; add ours (assertExternals) and fail.
  console.error(`electron build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}
