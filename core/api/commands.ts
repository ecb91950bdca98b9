import { z } from 'zod';
import { countryCode, rating } from '../model/assessment';
import { assessmentModes, confidenceLevels } from '../model/vocabulary';
import type { Assessment, AssessmentSummary, IndicatorResponse } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { AssessmentScores } from '../scoring/scores';
import type { FrameworkSummary } from '../framework/summary';
import type { StoreNotice } from '../store/notices';

const id = z.string().trim().min(1).max(100);
const language = z.enum(['en', 'ja']);
const who = z.string().trim().max(200).optional();

/**
 * The one list of commands. Electron's preload builds one method per entry, `electron/ipc`
 * registers exactly these, and `cli serve` exposes exactly these. Inputs are parsed here,
 * at the boundary, from `unknown`.
 */
export const commands = {
  getAppInfo: z.strictObject({}),
  getStoreStatus: z.strictObject({}),
  listFrameworks: z.strictObject({}),
  getFramework: z.strictObject({ id, version: id }),
  listAssessments: z.strictObject({}),
  createAssessment: z.strictObject({
    title: z.string().trim().min(1, 'a title is required').max(200),
    country: countryCode,
    mode: z.enum(assessmentModes),
    scope: z.string().max(500).optional(),
    frameworkId: id.optional(),
    by: who,
  }),
  getAssessment: z.strictObject({ id }),
  updateResponse: z.strictObject({
    id,
    indicatorId: id,
    patch: z.strictObject({
      rating: rating.nullable().optional(),
      confidence: z.enum(confidenceLevels).nullable().optional(),
      notes: z.string().max(50_000).optional(),
      flagged: z.boolean().optional(),
    }),
    by: who,
  }),
  getScores: z.strictObject({ id }),
  exportAssessment: z.strictObject({ id, format: z.enum(['html', 'json']), language }),
} as const;

export type CommandName = keyof typeof commands;
export const commandNames = Object.keys(commands) as CommandName[];

export interface AppInfo {
  version: string;
  dataDir: string;
  languages: readonly string[];
}

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: string;
}

/** What each command returns on success. */
export interface CommandResults {
  getAppInfo: AppInfo;
  getStoreStatus: { notices: StoreNotice[] };
  listFrameworks: FrameworkSummary[];
  getFramework: Framework;
  listAssessments: AssessmentSummary[];
  createAssessment: Assessment;
  getAssessment: Assessment;
  updateResponse: { revision: number; updatedAt: string; response: IndicatorResponse | null };
  getScores: AssessmentScores;
  exportAssessment: ExportedFile;
}

export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]>;
export type ParsedInput<K extends CommandName> = z.output<(typeof commands)[K]>;

// Compile-time proof that every command has a result type and vice versa.
type Missing = Exclude<CommandName, keyof CommandResults> | Exclude<keyof CommandResults, CommandName>;
const noMissingResults: [Missing] extends [never] ? true : Missing = true;
void noMissingResults;
