// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layer rules of design §2. Signal-style suffix rule: a core file that needs Node built-ins
 * is named `*.node.ts`; the renderer may import neither those nor Node nor Electron.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'stream', 'util'];

export const coreRestrictions = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'core/ must not depend on Electron (design §2).' },
    { group: ['react', 'react-dom', 'react-dom/*', 'react-i18next', 'recharts'], message: 'core/ must not depend on React or UI libraries (design §2).' },
    { group: ['**/renderer/**', '**/cli/**', '**/electron/**'], message: 'core/ must not import a shell: shells import core, never the reverse (design §2).' },
  ],
};

export const pureCoreRestrictions = {
  patterns: [
    ...coreRestrictions.patterns,
    { group: nodeBuiltins, message: 'Only *.node.ts files in core/ may use Node built-ins; keep this module pure so the renderer can use it.' },
    { group: ['**/*.node', '**/*.node.ts'], message: 'A pure core module must not import a *.node module.' },
  ],
};

export const rendererRestrictions = {
  patterns: [
    { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins (design §2).' },
    { group: ['electron', 'electron/*'], message: 'renderer/ reaches Electron only through the preload bridge in api.ts (design §2).' },
    { group: ['**/*.node', '**/*.node.ts'], message: 'renderer/ may import only pure core modules, never *.node ones.' },
    { group: ['**/cli/**', '**/electron/**'], message: 'renderer/ must not import a shell.' },
    {
      group: ['zod', '**/core/model/assessment', '**/core/model/framework', '**/core/model/catalogue', '**/core/model/localized-text', '**/core/api/commands', '**/core/api/dispatch'],
      allowTypeImports: true,
      message: 'Schemas stay out of the page (zod compiles validators with new Function, which the CSP forbids): import their types only, and validate in core.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'artifacts/**', 'coverage/**', 'reports/**', '.stryker-tmp/**', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
      // noUncheckedIndexedAccess makes every index optional; `!` after a checked index is the honest spelling.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['core/**/*.node.ts'], rules: { 'no-restricted-imports': ['error', coreRestrictions] } },
  { files: ['core/**/*.ts'], ignores: ['core/**/*.node.ts'], rules: { 'no-restricted-imports': ['error', pureCoreRestrictions] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', rendererRestrictions],
    },
  },
);
