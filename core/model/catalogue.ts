import { z } from 'zod';
import { localizedText } from './localized-text';
import { maturityLevel } from './framework';

export const deliveryModes = ['onsite', 'online', 'regional', 'in-japan'] as const;
export const effortBands = ['S', 'M', 'L'] as const;
/** running: open now; recurring: held in cycles (check the next one); past: evidence only of earlier editions, never proposed. */
export const programmeStatuses = ['running', 'recurring', 'past'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

const isoDate = z.iso.date();

/** A body the entry names that has since been renamed, merged or reorganised. */
export const renaming = z.strictObject({ from: localizedText, to: localizedText, date: isoDate });

export const programmeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    name: localizedText,
    provider: localizedText,
    partners: z.array(localizedText),
    description: localizedText,
    /** Capability ids, as in the framework this catalogue serves. */
    capabilities: z.array(z.string()).min(1),
    fromLevel: maturityLevel,
    toLevel: maturityLevel,
    delivery: z.array(z.enum(deliveryModes)).min(1),
    duration: localizedText,
    effort: z.enum(effortBands),
    /** Date the facts about this programme were last confirmed (the first of the month where only the month is known). */
    asOf: isoDate,
    status: z.enum(programmeStatuses),
    /** Who may take part: a programme some partner-country staff cannot join must say so here. */
    eligibility: localizedText,
    /** What the status rests on and what to confirm before proposing. */
    statusNote: localizedText.optional(),
    renamed: z.array(renaming).optional(),
  })
  .refine((p) => p.fromLevel < p.toLevel, { message: 'fromLevel must be below toLevel', path: ['toLevel'] });
export type Programme = z.infer<typeof programmeSchema>;

export const catalogueSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: z.string(),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  frameworkId: z.string(),
  programmes: z.array(programmeSchema).min(1),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
