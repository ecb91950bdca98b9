import { z } from 'zod';
import { assessmentSchema } from '../model/assessment';
import type { Assessment } from '../model/assessment';

export const STORE_INDEX_SCHEMA_VERSION = 1;

/** The fields the assessment list shows without opening every assessment file. */
export const indexEntrySchema = assessmentSchema.pick({
  id: true,
  title: true,
  country: true,
  mode: true,
  status: true,
  frameworkId: true,
  frameworkVersion: true,
  createdAt: true,
});
export type IndexEntry = z.infer<typeof indexEntrySchema>;

export const storeIndexSchema = z
  .strictObject({
    schemaVersion: z.literal(STORE_INDEX_SCHEMA_VERSION),
    assessments: z.array(indexEntrySchema),
  })
  .superRefine((index, ctx) => {
    const seen = new Set<string>();
    index.assessments.forEach((entry, i) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: `assessment "${entry.id}" is listed twice`, path: ['assessments', i, 'id'] });
      seen.add(entry.id);
    });
  });
export type StoreIndex = z.infer<typeof storeIndexSchema>;

export function toIndexEntry(a: Assessment): IndexEntry {
  return {
    id: a.id,
    title: a.title,
    country: a.country,
    mode: a.mode,
    status: a.status,
    frameworkId: a.frameworkId,
    frameworkVersion: a.frameworkVersion,
    createdAt: a.createdAt,
  };
}

export function sameIndexEntry(a: IndexEntry, b: IndexEntry): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.country === b.country &&
    a.mode === b.mode &&
    a.status === b.status &&
    a.frameworkId === b.frameworkId &&
    a.frameworkVersion === b.frameworkVersion &&
    a.createdAt === b.createdAt
  );
}

/** Valid assessment ids double as folder names, so a listing can be filtered with this. */
export function isAssessmentId(name: string): boolean {
  return assessmentSchema.shape.id.safeParse(name).success;
}
