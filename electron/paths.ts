import path from 'node:path';

export interface AppPathInputs {
  /** Folder of the running main bundle: <app>/dist/electron, also inside app.asar. */
  bundleDir: string;
  /** app.getPath('userData'). */
  userDataDir: string;
}

export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  assessmentsDir: string;
  /** The fonts PDFs embed, one folder per package (electron/build.ts copies them beside the bundle). */
  pdfFontDir: string;
  dataDir: string;
}

/**
 * Every path is derived from where the bundle sits, never from the working directory or
 * `import.meta.url` (which the CommonJS bundle does not have), so `electron .`,
 * `electron dist/electron/main.cjs` and the packaged app all agree.
 */
export function resolveAppPaths({ bundleDir, userDataDir }: AppPathInputs): AppPaths {
  const appRoot = path.resolve(bundleDir, '..', '..');
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(bundleDir, 'preload.cjs'),
    // Packaged, the framework and catalogue files sit inside app.asar beside the code, under the
    // same integrity check (electron-builder.yml); in development they are the repository's own folder.
    assessmentsDir: path.join(appRoot, 'assessments'),
    pdfFontDir: path.join(bundleDir, 'fonts'),
    dataDir: path.join(userDataDir, 'ccat'),
  };
}
