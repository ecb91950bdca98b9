import { z } from 'zod';
import regionsFile from '../../assessments/regions/regions.json';
import { countryCode } from '../model/assessment';
import { effortBands } from '../model/vocabulary';
import { selectionFactors, type RegionInfo, type SelectionWeights } from './types';

const translation = z.string().min(1).optional();
/** A region's name or the selection note: English and Japanese (the source languages) always, the other UI languages where translated (as drafts, like their UI). */
const translatedText = z.strictObject({ en: z.string().min(1), ja: z.string().min(1), vi: translation, id: translation, th: translation, km: translation, fr: translation, ar: translation });

/** assessments/regions/regions.json (JSON Schema beside it): region groupings and the country-selection defaults. */
export const regionsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  regions: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), name: translatedText, countries: z.array(countryCode) }))
    .refine((regions) => new Set(regions.map((r) => r.id)).size === regions.length, 'a region id is listed twice'),
  selection: z.strictObject({
    defaultWeights: z.strictObject(Object.fromEntries(selectionFactors.map((f) => [f, z.number().min(0).max(100)])) as Record<(typeof selectionFactors)[number], z.ZodNumber>),
    effortUnits: z.strictObject(Object.fromEntries(effortBands.map((b) => [b, z.number().positive()])) as Record<(typeof effortBands)[number], z.ZodNumber>),
    note: translatedText,
  }),
});
export type RegionsFile = z.infer<typeof regionsFileSchema>;

/** assessments/regions/regions.schema.json is generated from the schema that validates on load; a contract test compares them. */
export function regionsJsonSchema(): unknown {
  return { ...z.toJSONSchema(regionsFileSchema, { target: 'draft-2020-12', io: 'input' }), title: 'CCAT region groupings and country-selection defaults' };
}

/** Parsed once when first used; a broken data file fails loudly with the path of the problem. */
let parsed: RegionsFile | undefined;
export function regionsData(): RegionsFile {
  parsed ??= regionsFileSchema.parse(regionsFile);
  return parsed;
}

export function listRegions(): RegionInfo[] {
  return regionsData().regions.map((r) => ({ id: r.id, name: r.name, countries: [...r.countries] }));
}

export function defaultSelectionWeights(): SelectionWeights {
  return { ...regionsData().selection.defaultWeights };
}
