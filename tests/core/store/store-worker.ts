/**
 * Runs in a child process (bundled by esbuild at test start), so the parent can SIGKILL it
 * mid-save or try to open a data root that the parent holds.
 *   crash <dataDir> <id> <seed>   save random edits forever, announcing each save before and after
 *   open <dataDir>                try to open the store, print the outcome as JSON, close
 *   hold <dataDir>                open the store, say "held", and keep it open until killed
 */
import { writeSync } from 'node:fs';
import { CoreError } from '../../../core/api/result';
import type { Assessment, IndicatorResponse } from '../../../core/model/assessment';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { documentDigest } from './documents';

// writeSync: the line must be in the pipe before the next step, since SIGKILL may come at any moment.
function say(line: string): void {
  writeSync(1, `${line}\n`);
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function edit(doc: Assessment, rnd: () => number): Assessment {
  const revision = doc.revision + 1;
  const indicator = `ind-${Math.floor(rnd() * 40)}`;
  const roll = rnd();
  const response: IndicatorResponse = {
    ...(roll < 0.6
      ? { rating: { kind: 'level' as const, level: 1 + Math.floor(rnd() * 5) } }
      : roll < 0.8
        ? { rating: { kind: 'notApplicable' as const, reason: `not relevant ${revision}` } }
        : {}),
    notes: 'x'.repeat(Math.floor(rnd() * 20_000)) + ` rev ${revision}`,
    attachmentIds: [],
    sessionIds: [],
    flagged: rnd() < 0.2,
    updatedAt: new Date(Date.parse('2025-03-01T00:00:00.000Z') + revision * 1000).toISOString(),
    updatedBy: 'worker',
  };
  return {
    ...doc,
    revision,
    // Now and then a listed field changes, so index.json is rewritten under fire too.
    title: revision % 7 === 0 ? `Assessment after save ${revision}` : doc.title,
    responses: { ...doc.responses, [indicator]: response },
    // Every save logs its change, so kills also land among appends to the history log.
    history: [...doc.history, { at: response.updatedAt, by: 'worker', field: `response:${indicator}.notes`, from: doc.responses[indicator]?.notes ?? null, to: response.notes }],
    updatedAt: response.updatedAt,
  };
}

async function crash(dataDir: string, id: string, seed: number): Promise<void> {
  const store = await openAssessmentStore({ dataDir });
  let doc = await store.get(id);
  const rnd = random(seed);
  say(`ready ${doc.revision}`);
  for (;;) {
    const next = edit(doc, rnd);
    say(`saving ${next.revision} ${documentDigest(next)}`);
    await store.save(next);
    say(`ack ${next.revision}`);
    doc = next;
  }
}

async function open(dataDir: string): Promise<void> {
  try {
    const store = await openAssessmentStore({ dataDir });
    const listed = await store.list();
    await store.close();
    say(JSON.stringify({ ok: true, listed: listed.length }));
  } catch (error) {
    const code = error instanceof CoreError ? error.code : 'UNEXPECTED';
    say(JSON.stringify({ ok: false, code, message: error instanceof Error ? error.message : String(error) }));
  }
}

async function hold(dataDir: string): Promise<void> {
  await openAssessmentStore({ dataDir, appVersion: '9.9.9-holder' });
  say('held');
  // Keeps the process, and with it the lock, alive until the test kills it.
  setInterval(() => undefined, 60_000);
}

const [mode, dataDir = '', id = '', seed = '1'] = process.argv.slice(2);
if (mode === 'crash') await crash(dataDir, id, Number(seed));
else if (mode === 'open') await open(dataDir);
else if (mode === 'hold') await hold(dataDir);
else throw new Error(`unknown mode ${String(mode)}`);
