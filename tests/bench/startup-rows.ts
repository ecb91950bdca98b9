import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { alternate, repeat, stats, timed } from './sample';
import { benchDir, ccatBin, root, startServeProcess, type Row } from './support';

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
}

/** `ccat --help` and `ccat assessments list` beside bare `node`, process start to exit. */
export async function cliRows(samples: number, dataDir: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [key, label, args] of [
    ['cli-help', 'CLI `--help`', ['--help']],
    ['cli-list', 'CLI `assessments list`', ['assessments', 'list', '--data-dir', dataDir]],
  ] as const) {
    const measured = await alternate(
      samples,
      () => timed(() => run([ccatBin, ...args])),
      () => timed(() => run(['-e', '0'])),
    );
    rows.push({ key, measure: label, ccat: measured.a, peer: measured.b, peerLabel: 'bare `node`', ratio: measured.a.median / measured.b.median, goal: '≤ 300 ms', met: measured.a.median <= 300 });
  }
  return rows;
}

/** From starting `ccat serve` to the first answer for the page. */
export async function serveStartRow(samples: number): Promise<Row> {
  const dataDir = await benchDir();
  const measured = await repeat(samples, async () => {
    const start = performance.now();
    const serve = await startServeProcess(dataDir);
    try {
      const page = await fetch(`${serve.origin}/`);
      await page.text();
      return performance.now() - start;
    } finally {
      await serve.stop();
    }
  });
  return { key: 'serve-start', measure: '`serve` start → first response', ccat: measured, goal: '≤ 1,000 ms', met: measured.median <= 1000 };
}

/** gzip -9 bytes of the files a page's HTML loads at once: its module scripts and stylesheets. */
export async function firstScreenBytes(dir: string, html = 'index.html'): Promise<{ kb: number; files: string[] }> {
  const page = await readFile(join(dir, html), 'utf8');
  const files = new Set([...page.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*\shref)="\.?\/?([^"]+)"/g)].map((m) => m[1]!));
  // The page's own script may load the app with import() as soon as it runs (CCAT's boot script does): that is first-screen code too.
  // Only the page's own scripts: a preloaded chunk's import() calls are views loaded when they are first shown.
  const scripts = [...page.matchAll(/<script[^>]*\ssrc="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
  for (const script of scripts) {
    const code = await readFile(join(dir, script), 'utf8');
    for (const [, imported] of code.matchAll(/import\("\.\/([^"]+\.js)"\)/g)) files.add(join(dirname(script), imported!));
  }
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
  return { kb: bytes / 1024, files: [...files] };
}

export async function sizeRow(surveyDir: string): Promise<Row> {
  const ccat = await firstScreenBytes(join(root, 'dist', 'renderer'));
  const survey = await firstScreenBytes(surveyDir);
  const one = (kb: number) => stats([kb]);
  return {
    key: 'renderer-size',
    measure: 'renderer JS + CSS on the first screen, gzip',
    ccat: one(ccat.kb),
    peer: one(survey.kb),
    peerLabel: 'SurveyJS page (survey-core + survey-react-ui + React)',
    unit: 'KB',
    ratio: ccat.kb / survey.kb,
    goal: '≤ 200 KB',
    met: ccat.kb <= 200,
    extra: { files: ccat.files },
  };
}
