import path from 'node:path';

export interface AppPathInputs {
  /** Folder of the running main bundle: <app>/dist/electron, also inside app.asar. */
  bundleDir: string;
  isPackaged: boolean;
  /** process.resourcesPath: where extraResources land next to app.asar. */
  resourcesPath: string;
  /** app.getPath('userData'). */
  userDataDir: string;
}

export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  assessmentsDir: string;
  dataDir: string;
}

/**
 * Every path is derived from where the bundle sits, never from the working directory or
 * `import.meta.url` (which the CommonJS bundle does not have), so `electron .`,
 * `electron dist/electron/main.cjs` and the packaged app all agree.
 */
export function resolveAppPaths({ bundleDir, isPackaged, resourcesPath, userDataDir }: AppPathInputs): AppPaths {
  const appRoot = path.resolve(bundleDir, '..', '..');
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(bundleDir, 'preload.cjs'),
    // Packaged, the framework files are extraResources outside the asar, so an HQ analyst can
    // read them; in development they are the repository's own folder.
    assessmentsDir: isPackaged ? path.join(resourcesPath, 'assessments') : path.join(appRoot, 'assessments'),
    dataDir: path.join(userDataDir, 'ccat'),
  };
}
