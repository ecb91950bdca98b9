import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLicences, packageDirOf, renderLicences, shellModules } from '../../electron/licences';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const modules = (name: string, file: string) => join(repoRoot, 'node_modules', name, file);

describe('third-party licences', () => {
  it('finds the package of a bundled module, scoped or not, and ignores CCAT\'s own files', () => {
    expect(packageDirOf('/app/node_modules/react/cjs/react.production.js')).toBe('/app/node_modules/react');
    expect(packageDirOf('\0/app/node_modules/@noble/hashes/esm/sha2.js?commonjs-proxy')).toBe('/app/node_modules/@noble/hashes');
    expect(packageDirOf('/app/node_modules/a/node_modules/b/index.js')).toBe('/app/node_modules/a/node_modules/b');
    expect(packageDirOf('C:\\app\\node_modules\\zod\\index.js')).toBe('C:/app/node_modules/zod');
    expect(packageDirOf(join(repoRoot, 'core', 'api', 'commands.ts'))).toBeUndefined();
  });

  it('lists each package once with its version, licence and licence text', () => {
    const entries = collectLicences([modules('react', 'index.js'), modules('react', 'cjs/react.production.js'), modules('zod', 'index.js'), join(repoRoot, 'renderer', 'App.tsx')]);
    expect(entries.map((e) => e.name)).toEqual(['react', 'zod']);
    const react = entries[0]!;
    expect(react.licence).toBe('MIT');
    expect(react.text).toMatch(/^MIT License\s+Copyright \(c\) Meta Platforms/);
    expect(react.text).toContain('Permission is hereby granted, free of charge');
    const text = renderLicences(entries);
    expect(text).toContain(`  react ${react.version} (MIT)`);
    expect(text).toContain(`react ${react.version}\nLicence: MIT\n\nMIT License`);
  });

  it('covers what the desktop shell bundles, not only the page', async () => {
    const names = collectLicences(await shellModules(repoRoot)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['exceljs', 'docx', 'lowdb', 'zod', 'i18next', 'age-encryption']));
    expect(names).not.toContain('electron');
    expect(names).not.toContain('vitest');
  });
});
