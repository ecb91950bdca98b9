import { defineConfig } from 'vitest/config';

/**
 * The unit project alone, for `npm run mutation` (stryker.config.mjs): no end-to-end tests, no
 * Chromium, no LibreOffice. Stryker runs it in one worker per concurrent test runner.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // The crash test kills child processes, where no mutant is ever active; it only costs minutes.
    exclude: ['tests/e2e/**', 'tests/**/*.e2e.test.ts', 'tests/core/store/crash.test.ts', 'node_modules/**'],
    environment: 'node',
    // Generous: under Stryker the machine is busy, and a timeout in the first run stops everything.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
