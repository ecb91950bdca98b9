import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccatBin, root } from '../cli/ccat';
import type { Stats } from './sample';

export { ccatBin, root };
export const assessmentsDir = join(root, 'assessments');

export interface Row {
  key: string;
  measure: string;
  ccat: Stats;
  /** The peer (SurveyJS) or the floor the row compares with; absent for rows with an absolute goal only. */
  peer?: Stats;
  peerLabel?: string;
  /** CCAT / peer, or for "≥ N× faster" rows peer / CCAT: the number the goal is stated in. */
  ratio?: number;
  unit?: 'ms' | 'KB';
  goal: string;
  met: boolean;
  extra?: Record<string, unknown>;
}

const made: string[] = [];

/** A temporary folder, removed by removeBenchDirs() when the bench ends. */
export async function benchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ccat-bench-'));
  made.push(dir);
  return dir;
}

export async function removeBenchDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface ServeChild {
  origin: string;
  token: string;
  pid: number;
  /** Milliseconds from spawn to the printed address. */
  startedAfter: number;
  stop(): Promise<void>;
}

/** The built `ccat serve` in its own process, as a user starts it. */
export function startServeProcess(dataDir: string): Promise<ServeChild> {
  const start = performance.now();
  const child = spawn(process.execPath, [ccatBin, 'serve', '--data-dir', dataDir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(output);
      if (match) resolve({ origin: match[1]!, token: match[2]!, pid: child.pid!, startedAfter: performance.now() - start, stop });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}
