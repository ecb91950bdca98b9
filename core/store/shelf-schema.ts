import { z } from 'zod';
import { shelfStates } from '../portfolio/types';

export const SHELF_FILE = 'shelf.json';
export const SHELF_SCHEMA_VERSION = 1;

/**
 * shelf.json: which assessments are archived or in the trash. Kept apart from the documents so
 * that archiving changes nothing in an assessment (its revision, history and signature stay as
 * they are) and apart from index.json, which is only a cache the documents can rebuild.
 * `purging` marks a trash being emptied: written before the first file is deleted, so a crash
 * midway is finished on the next open instead of leaving half an assessment to be adopted again.
 */
export const shelfRecord = z.strictObject({
  state: z.enum([...shelfStates, 'purging']),
  at: z.iso.datetime({ offset: true }),
  by: z.string().max(500),
});
export type ShelfRecord = z.infer<typeof shelfRecord>;

export const shelfFileSchema = z.strictObject({
  schemaVersion: z.literal(SHELF_SCHEMA_VERSION),
  assessments: z.record(z.string(), shelfRecord),
});
export type ShelfFile = z.infer<typeof shelfFileSchema>;

export function emptyShelf(): ShelfFile {
  return { schemaVersion: SHELF_SCHEMA_VERSION, assessments: {} };
}
