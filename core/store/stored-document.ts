import { z } from 'zod';
import { ASSESSMENT_SCHEMA_VERSION, assessmentSchema, historyEntry } from '../model/assessment';
import type { Assessment, HistoryEntry } from '../model/assessment';
import { migrateToCurrent } from './migrations';

/**
 * The format of a generation file. Up to 3 it was the Assessment itself, history included;
 * from 4 the history lives in the assessment's history log, and the generation says how many
 * of its entries belong to it. Assessments keep their own schemaVersion (ASSESSMENT_SCHEMA_VERSION).
 */
export const STORED_DOCUMENT_VERSION = 4;

export const storedGenerationSchema = assessmentSchema.omit({ schemaVersion: true, history: true }).extend({
  schemaVersion: z.literal(STORED_DOCUMENT_VERSION),
  /** Entries 0 … historyCount − 1 of the history log belong to this revision. */
  historyCount: z.number().int().min(0),
  /** Set only while a file from before version 4, which carried its history inside, is read. */
  legacyHistory: z.array(historyEntry).optional(),
});
export type StoredGeneration = z.infer<typeof storedGenerationSchema>;

/**
 * Versions 1–3: brought up to the current Assessment by the Assessment migrations, then its
 * history is taken out, to be written to the log before the first save in version 4.
 */
export function migrateGeneration(doc: unknown): unknown {
  const migrated = migrateToCurrent(doc) as Record<string, unknown>;
  const legacyHistory = Array.isArray(migrated.history) ? migrated.history : [];
  return { ...without(migrated, 'history'), schemaVersion: STORED_DOCUMENT_VERSION, historyCount: legacyHistory.length, legacyHistory };
}

export function toStoredGeneration(doc: Assessment): Omit<StoredGeneration, 'legacyHistory'> {
  const rest = without(doc, 'history', 'schemaVersion') as Omit<Assessment, 'history' | 'schemaVersion'>;
  return { schemaVersion: STORED_DOCUMENT_VERSION, ...rest, historyCount: doc.history.length };
}

export function fromStoredGeneration(stored: StoredGeneration, history: HistoryEntry[]): Assessment {
  const rest = without(stored, 'historyCount', 'legacyHistory', 'schemaVersion') as Omit<Assessment, 'history' | 'schemaVersion'>;
  return { schemaVersion: ASSESSMENT_SCHEMA_VERSION, ...rest, history };
}

function without(value: object, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}
