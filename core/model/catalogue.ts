import { z } from 'zod';
import { localizedText } from './localized-text';
import { maturityLevel } from './framework';

export const deliveryModes = ['onsite', 'online', 'regional', 'in-japan'] as const;
export const effortBands = ['S', 'M', 'L'] as const;

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
    /** Month the facts about this programme were last confirmed, "YYYY-MM". */
    asOf: z.string().regex(/^\d{4}-\d{2}$/),
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
