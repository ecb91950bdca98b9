import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../electron/paths';

const repo = path.resolve('/home/dev/ccat');

describe('app paths', () => {
  it('in development reads the repository: dist/renderer, dist/electron/preload.cjs, assessments/', () => {
    const paths = resolveAppPaths({
      bundleDir: path.join(repo, 'dist', 'electron'),
      userDataDir: '/home/dev/.config/CCAT',
    });
    expect(paths).toEqual({
      rendererDir: path.join(repo, 'dist', 'renderer'),
      preloadPath: path.join(repo, 'dist', 'electron', 'preload.cjs'),
      assessmentsDir: path.join(repo, 'assessments'),
      pdfFontDir: path.join(repo, 'dist', 'electron', 'fonts'),
      dataDir: path.join('/home/dev/.config/CCAT', 'ccat'),
    });
  });

  it('packaged reads the renderer and the frameworks from inside app.asar, under its integrity check', () => {
    const resources = path.resolve('/Applications/CCAT.app/Contents/Resources');
    const paths = resolveAppPaths({
      bundleDir: path.join(resources, 'app.asar', 'dist', 'electron'),
      userDataDir: '/Users/a/Library/Application Support/CCAT',
    });
    expect(paths.rendererDir).toBe(path.join(resources, 'app.asar', 'dist', 'renderer'));
    expect(paths.preloadPath).toBe(path.join(resources, 'app.asar', 'dist', 'electron', 'preload.cjs'));
    expect(paths.assessmentsDir).toBe(path.join(resources, 'app.asar', 'assessments'));
    expect(paths.pdfFontDir).toBe(path.join(resources, 'app.asar', 'dist', 'electron', 'fonts'));
    expect(paths.dataDir).toBe(path.join('/Users/a/Library/Application Support/CCAT', 'ccat'));
  });
});
