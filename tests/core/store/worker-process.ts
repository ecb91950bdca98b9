import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles store-worker.ts into one .mjs that plain `node` can run (no tsx, no vitest). */
export async function bundleWorker(outDir: string): Promise<string> {
  const outfile = join(outDir, 'store-worker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./store-worker.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
  return outfile;
}

export interface WorkerRun {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves when the process has exited and its output is fully read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first line starting with `prefix`, or rejects if the process ends first. */
  waitForLine(prefix: string): Promise<string>;
}

export function startWorker(workerPath: string, args: string[]): WorkerRun {
  const child = spawn(process.execPath, [workerPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let pending = '';
  let errors = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errors += chunk;
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      // A line cut by the kill has no newline; it was never fully announced and is ignored.
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`worker ended before "${waiter.prefix}": ${errors}`));
      resolve({ code, signal });
    });
  });
  return {
    child,
    lines,
    stderr: () => errors,
    closed,
    waitForLine(prefix) {
      const seen = lines.find((line) => line.startsWith(prefix));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => waiters.push({ prefix, resolve, reject }));
    },
  };
}

/** Runs the worker to completion and returns its last output line parsed as JSON. */
export async function runWorkerForJson(workerPath: string, args: string[]): Promise<unknown> {
  const run = startWorker(workerPath, args);
  const { code } = await run.closed;
  const last = run.lines.at(-1);
  if (code !== 0 || last === undefined) throw new Error(`worker failed (exit ${String(code)}): ${run.stderr()}`);
  return JSON.parse(last);
}
