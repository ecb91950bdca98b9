import { z } from 'zod';
import { uiLanguages, type LanguageStatus, type UiLanguage } from '../../../locales/languages';

/**
 * A language pack: translations for one language, made outside CCAT (XLIFF 2.0 or XLSX) and
 * installed into the data folder. It overrides the shipped texts of its language unit by unit;
 * what it leaves out falls back to the shipped translation, then to English.
 */
export const packFormats = ['xliff', 'xlsx'] as const;
export type PackFormat = (typeof packFormats)[number];

/** A pack is reviewed only when it names who reviewed it and when; otherwise it is a draft. */
export const packStatusSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('draft') }),
  z.strictObject({ kind: z.literal('reviewed'), reviewer: z.string().trim().min(1).max(200), reviewedOn: z.iso.date() }),
]);
export type PackStatus = z.infer<typeof packStatusSchema>;

/** Where each unit comes from: the UI strings, the framework and catalogue files, the assessor's guide. */
export const unitKinds = ['ui', 'framework', 'catalogue', 'guide'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** One translatable text as a pack carries it. */
export interface PackUnit {
  /** `common:rating.next`, `report:title`, `framework:levels/3/name`, `catalogue:programmes/x/summary`, `guide:rating/2`. */
  id: string;
  kind: UnitKind;
  /** The English text. */
  source: string;
  /** The language's text now (installed pack, else shipped); empty when untranslated. */
  target: string;
  /** Context for the translator: where the text appears, its plural category, a length hint. */
  note: string;
  /** Short UI texts where space is tight: a longer translation gets a warning at import. */
  maxLength?: number;
}

export const PACK_SCHEMA_VERSION = 1;

/** An installed pack as stored in `<dataDir>/language-packs/<language>.json`. */
export const installedPackSchema = z.strictObject({
  schemaVersion: z.literal(PACK_SCHEMA_VERSION),
  language: z.enum(uiLanguages),
  status: packStatusSchema,
  installedAt: z.iso.datetime(),
  fileName: z.string().max(255),
  format: z.enum(packFormats),
  /** The content files the pack's content units were made for; a pack for another version does not apply to them. */
  content: z.strictObject({
    framework: z.strictObject({ id: z.string(), version: z.string() }).nullable(),
    catalogue: z.strictObject({ id: z.string(), version: z.string() }).nullable(),
  }),
  /** Only the units whose text differs from the shipped one, by unit id. */
  texts: z.record(z.string(), z.string()),
});
export type InstalledPack = z.infer<typeof installedPackSchema>;

/** Where in the imported file a unit or a problem is: XLIFF line, XLSX sheet row. */
export type PackLocation = { line: number } | { sheet: string; row: number };

export const packProblemCodes = [
  'unreadable',
  'unknown-language',
  'language-mismatch',
  'bad-status',
  'unknown-key',
  'duplicate-key',
  'placeholder-missing',
  'placeholder-unknown',
  'plural-forms',
  'markup',
  'nothing-translated',
] as const;
export type PackProblemCode = (typeof packProblemCodes)[number];

/** Why a file was refused, per unit or row; `message` is English (logs, CLI), `code` and the fields let the UI say it in its language. */
export interface PackProblem {
  code: PackProblemCode;
  location?: PackLocation;
  key?: string;
  /** What was expected and what was found, e.g. the missing placeholder or the plural forms the language needs. */
  expected?: string[];
  found?: string[];
  message: string;
}

/** A translation much longer than its source where the UI has tight space: installed, but worth a look. */
export interface PackWarning {
  code: 'too-long';
  location: PackLocation;
  key: string;
  length: number;
  maxLength: number;
  message: string;
}

/** What a refused import carries in `error.details`. */
export interface PackRefusal {
  problems: PackProblem[];
  /** Problems beyond the listed ones. */
  more: number;
}

export interface LanguagePackImport {
  language: UiLanguage;
  status: PackStatus;
  /** Units the pack changes (translations equal to the shipped text are not stored). */
  units: number;
  /** Units with a translation in the file. */
  translated: number;
  warnings: PackWarning[];
}

export interface LanguageListing {
  code: UiLanguage;
  nativeName: string;
  englishName: string;
  direction: 'ltr' | 'rtl';
  /** The shipped translation's status (locales/languages.json). */
  shipped: LanguageStatus;
  /** The installed pack, if any. */
  pack: { status: PackStatus; installedAt: string; fileName: string; units: number } | null;
  /** Percent (0–100, rounded down to a tenth) of UI strings and of the current framework's texts with a translation, pack applied. */
  completeness: { ui: number; framework: number };
}

export interface UiStrings {
  language: UiLanguage;
  /** i18next resources by namespace, shipped strings with the installed pack applied. */
  resources: { common: Record<string, unknown>; report: Record<string, unknown> };
  pack: PackStatus | null;
}

export interface GuideText {
  language: UiLanguage;
  /** The assessor's guide as Markdown; English where neither the shipped guide nor the pack translates it. */
  markdown: string;
  pack: PackStatus | null;
}
