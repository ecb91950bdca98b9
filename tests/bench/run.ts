/**
 * `npm run bench`: every row of issue 10's table, measured in one run on this machine. The two
 * sides of a row alternate sample by sample after one unmeasured warm-up each; medians and p95
 * are printed with the ratio and the goal. Asserts nothing: performance stays out of the tests.
 *
 *   npm run bench [-- --json] [-- --samples N] [-- --only browser,save-serve,save-scale,list-cold,save-history,portfolio,startup]
 *
 * `--only` runs the named groups alone, to iterate on one row without the whole run.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { buildFresh } from '../build-fresh';
import { browserRows, buildSurveyPage } from './browser-rows';
import { cliRows, serveStartRow, sizeRow } from './startup-rows';
import { portfolioRow } from './portfolio-rows';
import { saveRows, seedRatedStore } from './store-rows';
import { benchDir, removeBenchDirs, type Row } from './support';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, samples: { type: 'string' }, only: { type: 'string' } } });
const samples = Number(values.samples ?? 20);
const only = values.only === undefined ? undefined : new Set(values.only.split(','));
const wanted = (group: string) => only === undefined || only.has(group);
const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

buildFresh(['cli', 'renderer']);
const began = performance.now();
const rows: Row[] = [];
try {
  const surveyDir = await buildSurveyPage();
  if (wanted('browser')) {
    log('bench: browser (CCAT via serve vs SurveyJS)…');
    rows.push(...(await browserRows(Math.max(5, Math.round(samples / 2)), surveyDir)));
  }
  log('bench: saves and the store…');
  rows.push(...(await saveRows(samples * 4, wanted)));
  if (wanted('portfolio')) {
    log('bench: HQ portfolio…');
    rows.push(await portfolioRow(Math.max(3, Math.round(samples / 10))));
  }
  if (wanted('startup')) {
    log('bench: start-up and size…');
    const listDir = await benchDir();
    await seedRatedStore(listDir, 1);
    rows.push(...(await cliRows(Math.max(5, Math.round(samples / 2)), listDir)));
    rows.push(await serveStartRow(Math.max(5, Math.round(samples / 2))));
    rows.push(await sizeRow(surveyDir));
  }
} finally {
  await removeBenchDirs();
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const seconds = (performance.now() - began) / 1000;
if (values.json) {
  console.log(JSON.stringify({ machine, seconds, rows }, null, 2));
} else {
  const value = (row: Row, stats: Row['ccat'] | undefined) =>
    stats === undefined ? '—' : row.unit === 'KB' ? `${stats.median.toFixed(0)} KB` : `${fmt(stats.median)} (p95 ${fmt(stats.p95)})`;
  console.log(`\n| measure | CCAT median (p95) | peer / floor median (p95) | ratio | goal | met |`);
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) {
    const peer = row.peer ? `${row.peerLabel}: ${value(row, row.peer)}` : '—';
    console.log(`| ${row.measure} | ${value(row, row.ccat)} | ${peer} | ${row.ratio === undefined ? '—' : row.ratio.toFixed(2)} | ${row.goal} | ${row.met ? 'yes' : 'no'} |`);
  }
  for (const row of rows) {
    const floor = row.extra?.floor as Row['ccat'] | undefined;
    if (floor === undefined) continue;
    const extra = row.extra as { floorLabel: string; ccatAboveFloorMs: number; surveyAboveFloorMs: number; ratioAboveFloor?: number; goalBelowFloor: boolean; react: Row['ccat']; goalBelowReact: boolean };
    console.log(
      `\n${row.measure}: the floor (${extra.floorLabel}) takes ${value(row, floor)}; above it CCAT takes ${fmt(extra.ccatAboveFloorMs)}, ` +
        `${row.peerLabel} ${fmt(extra.surveyAboveFloorMs)} (ratio ${extra.ratioAboveFloor === undefined ? '—' : extra.ratioAboveFloor.toFixed(2)}).` +
        (extra.goalBelowFloor ? ` The goal asks for less than the floor itself (${fmt(row.peer!.median / 3)} < ${fmt(floor.median)}).` : '') +
        ` React 19 rendering the question alone (no app) takes ${value(row, extra.react)}` +
        (extra.goalBelowReact ? `: the goal (${fmt(row.peer!.median / 3)}) is below it.` : `; the goal is ${fmt(row.peer!.median / 3)}.`),
    );
  }
  console.log(`\nMachine: ${machine}. Took ${seconds.toFixed(0)} s.`);
}

function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}
