import { defineConfig } from 'vitest/config';

/**
 * The tests of the mutated safety modules, for `npm run mutation` (stryker.config.mjs). Stryker
 * runs them all once in a single runner to learn which test covers which mutant, then only the
 * covering ones for each mutant. The whole unit project would take that first run from about one
 * minute to over a quarter of an hour (every file imports the whole core afresh) and make each
 * mutant of the store run hundreds of unrelated tests, and it would kill nothing these miss:
 * - no end-to-end tests, no Chromium, no LibreOffice;
 * - no tests that drive the built CLI in a child process, where no mutant is ever active;
 * - no crash test: it kills child processes, with the same blindness.
 * A module added to `mutate` brings its own tests here.
 */
export default defineConfig({
  test: {
    include: [
      // Escaping, neutralising, CSV, redaction, the Sessions section and sheet, the report CSP, verification.
      'tests/core/report/{escape,csv,redact,verify,spreadsheets,render-xlsx,html-report,session-inputs,docx}.test.ts',
      'tests/core/report/sections/*.test.ts',
      'tests/core/portfolio/export.test.ts',
      // The CLI's on-disk re-read of an export, and serve's guards (in process).
      'tests/cli/{verify-export,export,serve}.test.ts',
      // The IPC sender checks.
      'tests/electron/{ipc,main,opened-files}.test.ts',
      // Atomic write, lock, quarantine, attachments, migrations, power cuts.
      'tests/core/store/*.test.ts',
      'tests/core/api/workflow.test.ts',
      'tests/core/api/handlers/{attachments,settings}.test.ts',
      // The .ccat exchange: safe JSON, zip limits, manifest and signature, import, trust, lineage.
      'tests/core/json/*.test.ts',
      'tests/core/bundle/*.test.ts',
    ],
    exclude: ['tests/core/store/crash.test.ts', 'node_modules/**'],
    environment: 'node',
    // The .ccat fuzz test, shorter and always the same files: a mutant's fate must not depend on the dice.
    env: { CCAT_FUZZ_RUNS: '200', CCAT_FUZZ_SEED: '1' },
    // A mutant that makes a test wait forever (a promise never settled) fails that test after 30 s.
    // Left to Stryker, it would wait 1.5 × the covering tests' time + 20 s, over a minute for a store
    // mutant, and then restart its runner. 30 s is still ample for the slowest test in the first run.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
