import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedElectron, unsupportedElectron } from '../../electron/support';

const root = join(import.meta.dirname, '..', '..');
const installed = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
const declared = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!;

describe('the Electron CCAT is built with', () => {
  it('is within the supported majors declared in electron/support.ts', () => {
    expect(unsupportedElectron(installed)).toBeUndefined();
  });

  it('is pinned in package.json to the installed major, so npm cannot move it out of the window', () => {
    expect(declared).toMatch(/^[~^]?\d+\.\d+\.\d+$/);
    expect(declared.replace(/^[~^]/, '').split('.')[0]).toBe(installed.split('.')[0]);
  });

  it('the window is the three majors Electron supports at once', () => {
    expect(supportedElectron.newest - supportedElectron.oldest).toBe(2);
  });

  it('refuses a major that no longer gets security fixes, and one not yet vetted', () => {
    expect(unsupportedElectron('37.4.0')).toMatch(/^Electron 37\.4\.0 is outside the supported majors 43 to 45/);
    expect(unsupportedElectron(`${supportedElectron.newest + 1}.0.0`)).toMatch(/outside the supported majors/);
    expect(unsupportedElectron('nightly')).toMatch(/cannot read the Electron version/);
  });
});
