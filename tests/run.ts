/**
 * `npm test`: the whole suite a newcomer and CI run. Static checks first (type-check per
 * environment, lint with zero warnings, production build), then every vitest project (unit,
 * contracts, Electron shell, end-to-end in Chromium). Prints one plain closing line
 * "N passed, N failed" built from vitest's JSON report plus the static checks.
 *
 * The static checks are independent of each other, so they run side by side, as many at a time
 * as there are cores; each one's output is printed in one piece when it ends.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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

function runQuietly(label: string, command: string, args: string[]): Promise<boolean> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const ok = code === 0;
      console.log(`\n▶ ${label}: ${command} ${args.join(' ')}\n${output.trimEnd()}${output.trim() ? '\n' : ''}${ok ? '✔' : '✘'} ${label} (${((performance.now() - start) / 1000).toFixed(0)} s)`);
      resolve(ok);
    });
  });
}

async function inParallel(tasks: Array<[string, string, string[]]>, limit: number): Promise<boolean[]> {
  const results: boolean[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const [label, command, args] = tasks[i]!;
      results[i] = await runQuietly(label, command, args);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

// `npm run typecheck` is a chain of `tsc -p <environment>`: its links run side by side here.
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const typeChecks = scripts.typecheck!.split('&&').map((link): [string, string, string[]] => {
  const [command, ...args] = link.trim().split(/\s+/);
  return [`type-check ${args.at(-1)}`, 'npx', [command!, ...args]];
});
// Longest first, so the pool does not end waiting on one slow check.
const staticChecks: Array<[string, string, string[]]> = [['build', 'npm', ['run', '--silent', 'build']], ['lint', 'npm', ['run', '--silent', 'lint']], ...typeChecks.reverse()];
let passed = 0;
let failed = 0;
for (const ok of await inParallel(staticChecks, availableParallelism())) {
  if (ok) passed++;
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
