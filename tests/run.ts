/**
 * `npm test`: the whole suite a newcomer and CI run. Static checks first (type-check per
 * environment, lint with zero warnings, production build), then every vitest project (unit,
 * contracts, Electron shell, end-to-end in Chromium). Prints one plain closing line
 * "N passed, N failed" built from vitest's JSON report plus the static checks.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const root = join(import.meta.dirname, '..');
const artifacts = join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label}`);
  return ok;
}

const staticChecks: Array<[string, string, string[]]> = [
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
];
let passed = 0;
let failed = 0;
for (const [label, command, args] of staticChecks) {
  if (run(label, command, args)) passed++;
  else failed++;
}

const report = join(artifacts, 'vitest-report.json');
const vitestOk = run('tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  if (!vitestOk && json.numFailedTests === 0) failed++; // e.g. a suite that failed to load
} catch {
  console.log('The vitest JSON report is missing: counting the test run as failed.');
  failed++;
}

console.log(`\nStatic checks: ${staticChecks.length}; tests from ${report}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed === 0 ? 0 : 1;
