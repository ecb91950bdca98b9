import { z } from 'zod';
import type { LocalizedText } from './pick-text';

/** BCP 47 primary language subtag, optionally with a region: "en", "ja", "pt-BR". */
export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as "en" or "ja"');

/**
 * A text in several languages. English is the source language and always present;
 * other languages may be missing, and the UI falls back to English for them.
 */
export const localizedText: z.ZodType<LocalizedText> = z
  .object({ en: z.string().trim().min(1, 'English text is required') })
  .catchall(z.string())
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!languageCode.safeParse(key).success) {
        ctx.addIssue({ code: 'custom', message: `"${key}" is not a language code`, path: [key] });
      }
    }
  });

