import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFile } from '../framework/load-library.node.ts';
import { assessmentSchema, type Assessment } from '../model/assessment';

/** Where the sample sits under the assessments folder (the repository's or the packaged app's). */
const SAMPLE_FILE = join('samples', 'sample.json');

/**
 * The demonstration assessment shipped with the app: fictional, bilingual (English, then
 * Japanese, in every text the team types) and marked `sample: true` so that every screen can
 * say so. Read only when someone asks to open it; a broken file fails with its name.
 */
export async function loadSample(assessmentsDir: string): Promise<Assessment> {
  const sample = parseFile(await readFile(join(assessmentsDir, SAMPLE_FILE), 'utf8'), SAMPLE_FILE, assessmentSchema.safeParse.bind(assessmentSchema));
  if (sample.sample !== true) throw new Error(`${SAMPLE_FILE} is not marked "sample": true`);
  return sample;
}
