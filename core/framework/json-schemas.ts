import { z } from 'zod';
import { catalogueSchema } from '../model/catalogue';
import { frameworkSchema } from '../model/framework';

/**
 * The JSON Schemas in assessments/ are generated from the zod schemas that validate on load, so
 * the two cannot drift; a contract test compares the committed files with these.
 */
export function frameworkJsonSchema(): unknown {
  return { ...z.toJSONSchema(frameworkSchema, { target: 'draft-2020-12', io: 'input' }), title: 'CCAT assessment framework' };
}

export function catalogueJsonSchema(): unknown {
  return { ...z.toJSONSchema(catalogueSchema, { target: 'draft-2020-12', io: 'input' }), title: 'CCAT support-programme catalogue' };
}
