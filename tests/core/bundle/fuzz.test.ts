import fc from 'fast-check';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/api/result';
import type { Assessment } from '../../../core/model/assessment';
import { useTempDirs } from '../temp-dir';
import { bytesOf, entriesOf, rezip, seedWithAttachments, useFolders } from './helpers';

const tempDir = useTempDirs();
const folder = useFolders();
/** 1,000 in the normal test run; CCAT_FUZZ_RUNS sets a longer hunt (or a shorter one under mutation testing). */
const runs = Number(process.env.CCAT_FUZZ_RUNS ?? 1000);
/** CCAT_FUZZ_SEED replays the run a failure printed ("seed: …"); mutation testing fixes it so every mutant meets the same files. */
const seed = process.env.CCAT_FUZZ_SEED === undefined ? undefined : Number(process.env.CCAT_FUZZ_SEED);
const refusals = new Set(['INVALID_BUNDLE', 'TAMPERED', 'CANNOT_DECRYPT']);

type Op = { kind: 'flip'; at: number; bit: number } | { kind: 'set'; at: number; value: number } | { kind: 'cut'; at: number } | { kind: 'insert'; at: number; value: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
);

function apply(bytes: Uint8Array, ops: readonly Op[]): Uint8Array {
  let out = new Uint8Array(bytes);
  for (const o of ops) {
    if (out.length === 0) break;
    const at = o.at % out.length;
    if (o.kind === 'flip') out[at] = out[at]! ^ (1 << o.bit);
    else if (o.kind === 'set') out[at] = o.value;
    else if (o.kind === 'cut') out = out.slice(0, at);
    else out = new Uint8Array([...out.subarray(0, at), o.value, ...out.subarray(at)]);
  }
  return out;
}

describe('a .ccat file mutated at random', () => {
  it(
    `never crashes or hangs, and is imported only when its content is exactly what was signed (${runs} runs)`,
    async () => {
      const source = await tempDir();
      const original = await seedWithAttachments(source);
      const bundle = bytesOf((await (await folder(source, 'Field laptop')).exchange.exportBundle({ ids: [original.id], recipients: [], redact: false })).content);
      const target = await folder(await tempDir(), 'HQ desk');
      const names = ['manifest.json', 'signature.json', `assessment/${original.id}.json`, ...original.attachments.map((a) => `attachments/${a.id}`)];
      const expected = JSON.stringify(original);
      const digests = original.attachments.map((a) => a.id).sort();
      const signed = await entriesOf(bundle);
      let imported = 0;

      await fc.assert(
        fc.asyncProperty(
          // Either the file's bytes (zip structure, compressed data) or one entry's content re-zipped.
          fc.oneof(
            fc.record({ where: fc.constant('file' as const), ops: fc.array(op, { minLength: 1, maxLength: 4 }) }),
            fc.record({ where: fc.constantFrom(...names), ops: fc.array(op, { minLength: 1, maxLength: 4 }) }),
          ),
          async ({ where, ops }) => {
            const mutated = where === 'file' ? apply(bundle, ops) : await rezip(bundle, (entries) => entries.set(where, apply(entries.get(where)!, ops)));
            let stored: Assessment | undefined;
            try {
              await target.exchange.importBundle({ bytes: mutated, trustNewSigner: true, keepDivergedAsCopy: false });
              stored = await target.store.get(original.id);
            } catch (error) {
              if (!(error instanceof CoreError) || !refusals.has(error.code)) throw error;
              return;
            }
            imported++;
            // Imported, so every entry (manifest and signature included) must be exactly what was signed.
            const entries = await entriesOf(mutated);
            for (const [name, bytes] of signed) expect(Buffer.from(entries.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
            expect(JSON.stringify(stored)).toBe(expected);
            // A changed attachment would be stored under its own digest, beside the real one.
            expect((await readdir(join(target.dataDir, 'attachments'))).sort()).toEqual(digests);
          },
        ),
        { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
      );
      // Some mutations only touch bytes outside the signed content (zip timestamps, CRCs): those must import.
      expect(imported).toBeGreaterThan(0);
    },
    600_000,
  );
});
