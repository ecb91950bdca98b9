import { z } from 'zod';
import { uiLanguages } from '../../locales/languages';
import type { Assessment, AssessmentSummary, AttachmentMeta, IndicatorResponse, InterviewSession, TeamMember } from '../model/assessment';
import { assessmentSchema, countryCode, countryContext, period, rating, teamMember } from '../model/assessment';
import type { Framework } from '../model/framework';
import type { UserSettings } from '../model/user-settings';
import { maturityLevel, stakeholderCluster } from '../model/framework';
import type { Catalogue } from '../model/catalogue';
import { assessmentModes, confidenceLevels, decisions, effortBands, phases, scopeKinds } from '../model/vocabulary';
import type { AssessmentScores } from '../scoring/scores';
import type { FrameworkSummary } from '../framework/summary';
import type { FrameworkMovePreview } from '../framework/move';
import type { ProposedPlan } from '../planning/types';
import type { Review } from '../review/review';
import type { StoreNotice } from '../store/notices';
import type { BundleImportResult, BundleInspection, InstallationKeyInfo, KnownSigner } from '../bundle/types';
import type { MergePreview } from '../merge/compare';
import { exportFormats, portfolioExportFormats, reportKinds } from './exports-vocabulary';
import { scopeNameMissing } from '../model/scope';
import { isTimeZone } from '../report/format';
import type { ExportCheck } from '../report/verify';
import type { Comparison, CountryTrend, EmptyTrashResult, PortfolioView, Ranking, RegionInfo, ShelfResult } from '../portfolio/types';
import { portfolioColumns, selectionFactors, shelfViews } from '../portfolio/types';
import type { GuideText, LanguageListing, LanguagePackImport, UiStrings } from '../i18n/language-pack/types';
import { packFormats } from '../i18n/language-pack/types';

const id = z.string().trim().min(1).max(100);
const language = z.enum(uiLanguages);
const who = z.string().trim().max(200).optional();
const isoDate = z.iso.date();
const scope = z
  .strictObject({ kind: z.enum(scopeKinds), name: z.string().max(500) })
  .refine((value) => !scopeNameMissing(value), { path: ['name'], message: 'name the agency this assessment is about' });
const stored = assessmentSchema.shape;

/**
 * Every edit carries, beside the values it sets (`patch`), what the client last saw of each of
 * those fields (`base`); the core refuses a field changed elsewhere since with CONFLICT.
 */
function baseCoversPatch(input: { patch: object; base: object }, ctx: z.RefinementCtx): void {
  for (const key of Object.keys(input.patch)) {
    if (!Object.hasOwn(input.base, key)) ctx.addIssue({ code: 'custom', path: ['base', key], message: 'what this client last saw of the field is required' });
  }
}

const maxTeam = 50;

/** The setup fields a team fills in when it creates an assessment and may change later. */
const setupFields = {
  title: z.string().trim().min(1, 'a title is required').max(200),
  country: countryCode,
  mode: z.enum(assessmentModes),
  scope: scope.optional(),
  team: z.array(teamMember).max(maxTeam).optional(),
  period: period.optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)).max(10).optional(),
  targets: z.record(z.string(), maturityLevel).optional(),
  context: countryContext.optional(),
};

const sessionValues = {
  title: z.string().max(500),
  date: isoDate,
  cluster: stakeholderCluster,
  participants: z.number().int().min(0).max(10_000),
  organisations: z.string().max(500),
  nonAttributable: z.boolean(),
  notes: z.string().max(50_000),
};
const sessionFields = z.strictObject({
  /** Absent to create a session. */
  sessionId: id.optional(),
  ...sessionValues,
});

const responseFields = {
  rating: rating.nullable(),
  confidence: z.enum(confidenceLevels).nullable(),
  notes: z.string().max(50_000),
  flagged: z.boolean(),
  sessionIds: z.array(id).max(200),
};

const fingerprint = z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/, 'must be 8 groups of 4 hex digits');
/** A .ccat file as base64, with what unlocks it when it is encrypted. */
const bundleContent = {
  contentBase64: z.string().max(360 * 1024 * 1024),
  /** age identities (AGE-SECRET-KEY-1…), e.g. the lines of HQ's identity file. */
  identities: z.array(z.string().trim().max(200)).max(20).optional(),
  passphrase: z.string().max(1000).optional(),
};

/** One session's input on one indicator; null when there is none. */
const sessionInputValue = z.strictObject({ note: z.string().max(50_000), level: maturityLevel.nullable().optional() }).nullable();

const setupBase = z
  .strictObject({
    title: stored.title,
    mode: stored.mode,
    scope: stored.scope,
    period: stored.period,
    languages: stored.languages,
    targets: stored.targets,
    context: stored.context,
  })
  .partial();

const actionFields = {
  capabilityId: id,
  title: z.string().trim().min(1, 'a title is required').max(500),
  owner: z.string().max(500),
  note: z.string().max(50_000),
  phase: z.enum(phases),
  effort: z.enum(effortBands).optional(),
};
const actionBase = z.strictObject({ ...actionFields, title: z.string().max(500) });

const decide = z.strictObject({ kind: z.literal('decide'), recommendationId: id, decision: z.enum(decisions).nullable(), note: z.string().max(5000).optional() });
const reorder = z.strictObject({ kind: z.literal('reorder'), order: z.array(id).max(2000) });
const saveAction = z.strictObject({ kind: z.literal('saveAction'), actionId: id.optional(), ...actionFields });
const removeAction = z.strictObject({ kind: z.literal('removeAction'), actionId: id });
const setImportance = z.strictObject({ kind: z.literal('setImportance'), capabilityId: id, value: z.number().int().min(1).max(3).nullable(), note: z.string().max(5000) });

/** One plan edit as `applyPlanChange` applies it, once its base has been checked against the stored plan. */
export const planEdit = z.discriminatedUnion('kind', [decide, reorder, saveAction, removeAction, setImportance]);
export type PlanChange = z.infer<typeof planEdit>;

/** Plan edits as clients send them, one item at a time; `base` is what the client last saw of that item. */
export const planChange = z.discriminatedUnion('kind', [
  decide.extend({ base: z.strictObject({ decision: z.enum(decisions).nullable() }) }),
  reorder.extend({ base: z.strictObject({ order: z.array(id).max(2000) }) }),
  saveAction
    .extend({ base: actionBase.optional() })
    .refine((change) => change.actionId === undefined || change.base !== undefined, { path: ['base'], message: 'changing an action needs what this client last saw of it' }),
  removeAction,
  setImportance.extend({ base: z.strictObject({ value: z.number().int().min(1).max(3).nullable(), note: z.string().max(50_000) }) }),
]);

const ids = z.array(id).min(1).max(1000);
const portfolioColumn = z.union([z.enum(portfolioColumns), z.templateLiteral(['domain:', z.string().regex(/^[A-Za-z0-9._-]{1,100}$/)])], {
  error: 'must be a column name or "domain:<domain id>"',
});
/** Filters, search and sort of the portfolio; every part optional. */
const portfolioQuery = z.strictObject({
  search: z.string().max(200).optional(),
  countries: z.array(countryCode).max(300).optional(),
  regions: z.array(id).max(50).optional(),
  modes: z.array(z.enum(assessmentModes)).max(2).optional(),
  statuses: z.array(z.enum(['draft', 'in-review', 'final'])).max(3).optional(),
  frameworkVersions: z.array(id).max(50).optional(),
  years: z.array(z.number().int().min(1900).max(2200)).max(200).optional(),
  shelf: z.enum(shelfViews).default('active'),
  sort: z.strictObject({ column: portfolioColumn, direction: z.enum(['asc', 'desc']) }).optional(),
});
/** HQ's weights for the country-selection factors; a factor left out keeps its default. */
export const selectionWeightsInput = z.strictObject(
  Object.fromEntries(selectionFactors.map((factor) => [factor, z.number().min(0, 'a weight cannot be negative').max(100).optional()])) as Record<
    (typeof selectionFactors)[number],
    z.ZodOptional<z.ZodNumber>
  >,
);
const compareIds = z
  .array(id)
  .min(2, 'compare at least 2 assessments')
  .max(8, 'compare at most 8 assessments')
  .refine((list) => new Set(list).size === list.length, 'an assessment is listed twice');
const hqExport = { format: z.enum(portfolioExportFormats), language };

/**
 * The one list of commands. Electron's preload builds one method per entry, `electron/ipc`
 * registers exactly these, and `cli serve` exposes exactly these. Inputs are parsed here,
 * at the boundary, from `unknown`.
 */
export const commands = {
  getAppInfo: z.strictObject({}),
  getStoreStatus: z.strictObject({}),
  listFrameworks: z.strictObject({}),
  /** `languages`: the content languages the screen shows (English always comes too); without it, every language. */
  getFramework: z.strictObject({ id, version: id, languages: z.array(language).max(uiLanguages.length).optional() }),
  getCatalogue: z.strictObject({ languages: z.array(language).max(uiLanguages.length).optional() }),
  listAssessments: z.strictObject({}),
  createAssessment: z.strictObject({
    ...setupFields,
    frameworkId: id.optional(),
    /** Start from an earlier assessment of the same country: team and context are carried over. */
    baselineId: id.optional(),
    by: who,
  }),
  getAssessment: z.strictObject({ id }),
  /** What the workspace opens with, in one answer: the assessment without its history, and its framework. */
  openAssessment: z.strictObject({ id, languages: z.array(language).max(uiLanguages.length).optional() }),
  /** The team is edited one member at a time (add/update/removeTeamMember), never as a whole list. */
  updateSetup: z
    .strictObject({
      id,
      patch: z.strictObject({
        title: setupFields.title.optional(),
        mode: setupFields.mode.optional(),
        scope: setupFields.scope,
        period: setupFields.period,
        languages: setupFields.languages,
        targets: setupFields.targets,
        context: setupFields.context,
      }),
      base: setupBase,
      by: who,
    })
    .superRefine(baseCoversPatch),
  addTeamMember: z.strictObject({ id, member: teamMember, by: who }),
  /** `index` is where the client saw the member, `base` the member as it saw it. */
  updateTeamMember: z
    .strictObject({ id, index: z.number().int().min(0).max(maxTeam - 1), patch: teamMember.partial(), base: teamMember, by: who })
    .refine((input) => Object.keys(input.patch).length > 0, { path: ['patch'], message: 'change the name or the role' }),
  removeTeamMember: z.strictObject({ id, index: z.number().int().min(0).max(maxTeam - 1), member: teamMember, by: who }),
  updateResponse: z
    .strictObject({
      id,
      indicatorId: id,
      patch: z.strictObject(responseFields).partial(),
      base: z.strictObject(responseFields).partial(),
      by: who,
    })
    .superRefine(baseCoversPatch),
  /** Creates a session (no sessionId) or changes one; a change carries what the client last saw of the session. */
  saveSession: z
    .strictObject({ id, session: sessionFields, base: z.strictObject(sessionValues).optional(), by: who })
    .refine((input) => input.session.sessionId === undefined || input.base !== undefined, { path: ['base'], message: 'changing a session needs what this client last saw of it' }),
  deleteSession: z.strictObject({ id, sessionId: id, by: who }),
  updateSessionInput: z.strictObject({
    id,
    sessionId: id,
    indicatorId: id,
    /** null removes this session's input for the indicator. */
    input: sessionInputValue,
    base: sessionInputValue,
    by: who,
  }),
  addAttachment: z.strictObject({
    id,
    indicatorId: id,
    fileName: z.string().trim().min(1).max(255),
    mediaType: z.string().max(200),
    /** Base64; the decoded size is limited by the store (see attachments). */
    contentBase64: z.string().max(40 * 1024 * 1024),
    by: who,
  }),
  removeAttachment: z.strictObject({ id, indicatorId: id, attachmentId: z.string().regex(/^[a-f0-9]{64}$/), by: who }),
  getAttachment: z.strictObject({ id, attachmentId: z.string().regex(/^[a-f0-9]{64}$/) }),
  getReview: z.strictObject({ id }),
  /** The settings kept in the data folder for the people who use it (core/store/user-settings). */
  getUserSettings: z.strictObject({}),
  /** Who is entering data, named as the author of their edits; for one assessment when `assessmentId` is given, and as the name used last. */
  setAssessorName: z.strictObject({
    assessmentId: id.refine((value) => !['__proto__', 'constructor', 'prototype'].includes(value), 'not an assessment id').optional(),
    name: z.string().trim().max(200),
  }),
  finalizeAssessment: z.strictObject({ id, by: z.string().trim().min(1, 'say who signs off').max(200) }),
  reopenAssessment: z.strictObject({ id, reason: z.string().trim().min(1, 'a reason is required').max(2000), by: z.string().trim().min(1).max(200) }),
  getScores: z.strictObject({ id }),
  getPlan: z.strictObject({ id }),
  updatePlan: z.strictObject({ id, change: planChange, by: who }),
  exportAssessment: z.strictObject({
    id,
    format: z.enum(exportFormats),
    report: z.enum(reportKinds).default('full'),
    language,
    secondLanguage: language.optional(),
    /** Leave out names of people and of non-attributable organisations. */
    redact: z.boolean().default(false),
    /** Another assessment of the same country and framework version: the full report adds "Self-assessed vs assessed". */
    compareWithId: id.optional(),
    /** The classification line on every page: a preset (classificationPresets) or the text to print. */
    classification: z.string().trim().max(120).optional(),
    /** IANA time zone for dates and times in the report; by default the country's. */
    timeZone: z
      .string()
      .max(64)
      .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Asia/Ho_Chi_Minh')
      .optional(),
  }),

  // Exchange (.ccat files, design §3 "Bundle"). File bytes cross as base64; the shell reads and writes files.
  getInstallationKey: z.strictObject({}),
  renameInstallation: z.strictObject({ name: z.string().trim().min(1, 'a name is required').max(200) }),
  exportBundle: z.strictObject({
    ids: z.array(id).min(1).max(50),
    /** age recipients (age1…) such as HQ's; the file is then readable only by their identities. */
    recipients: z.array(z.string().trim().max(200)).max(20).default([]),
    passphrase: z.string().min(8, 'use at least 8 characters').max(1000).optional(),
    redact: z.boolean().default(false),
    by: who,
  }),
  inspectBundle: z.strictObject({ ...bundleContent }),
  importBundle: z.strictObject({
    ...bundleContent,
    /** The person compared the fingerprint of a signer seen for the first time and confirmed it. */
    trustNewSigner: z.boolean().default(false),
    /** Keep an older or diverged copy as a new assessment linked to the stored one. */
    keepDivergedAsCopy: z.boolean().default(false),
    /** Who imports: named in the history entry an update or a copy gets. */
    by: who,
  }),
  listSigners: z.strictObject({}),
  trustSigner: z.strictObject({ publicKeyFile: z.string().max(4096) }),
  renameSigner: z.strictObject({ fingerprint, name: z.string().trim().min(1, 'a name is required').max(200) }),
  removeSigner: z.strictObject({ fingerprint }),
  // Moving an assessment to a newer framework version along an installed mapping (issue 9).
  previewFrameworkMove: z.strictObject({ id, toVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as "1.1.0"') }),
  moveToFramework: z.strictObject({
    id,
    toVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as "1.1.0"'),
    /** The revision the preview was made on: a move over changes the team has not seen is refused. */
    expectedRevision: z.number().int().min(0),
    by: who,
  }),
  // Merging and comparing two assessments of one country on one framework version (issue 11).
  previewMerge: z.strictObject({ leftId: id, rightId: id }),
  mergeAssessments: z.strictObject({
    leftId: id,
    rightId: id,
    title: setupFields.title,
    /** One per indicator the two rate differently, keyed by indicator id. */
    choices: z
      .record(
        id,
        z.strictObject({
          take: z.enum(['left', 'right', 'new']),
          rating: rating.optional(),
          confidence: z.enum(confidenceLevels).optional(),
          reason: z.string().max(2000).optional(),
          notes: z.enum(['left', 'right', 'both']),
        }),
      )
      .refine((choices) => Object.keys(choices).length <= 2000, 'at most 2000 choices'),
    by: who,
  }),

  // Headquarters: portfolio, archive and trash, compare, trends, country selection (issue 12).
  /** The portfolio from the store's index alone (no document is read), filtered and sorted. */
  listPortfolio: z.strictObject({ query: portfolioQuery.optional() }),
  listRegions: z.strictObject({}),
  /** Hidden from the lists, restorable. */
  archiveAssessments: z.strictObject({ ids, by: who }),
  /** Into the trash, restorable until the trash is emptied. */
  trashAssessments: z.strictObject({ ids, by: who }),
  /** Back from the archive or the trash. */
  restoreAssessments: z.strictObject({ ids, by: who }),
  /**
   * The only permanent delete. `confirmIds` must list exactly what is in the trash now: an
   * assessment trashed elsewhere after the person looked is never deleted unseen.
   */
  emptyTrash: z.strictObject({ confirmIds: z.array(id).min(1, 'list the assessments to delete').max(1000), by: who }),
  compareAssessments: z.strictObject({ ids: compareIds }),
  getCountryTrend: z.strictObject({ country: countryCode }),
  rankCountries: z.strictObject({ weights: selectionWeightsInput.optional(), regions: z.array(id).max(50).optional() }),
  /** Portfolio sheet (filtered as asked) and the ranking sheet. */
  exportPortfolio: z.strictObject({ ...hqExport, query: portfolioQuery.optional(), weights: selectionWeightsInput.optional() }),
  exportComparison: z.strictObject({ ...hqExport, ids: compareIds }),
  exportRanking: z.strictObject({ ...hqExport, weights: selectionWeightsInput.optional(), regions: z.array(id).max(50).optional() }),
  /** The bundled sample assessment (first use): stored on first open, the stored copy after that. */
  openSample: z.strictObject({}),

  // Languages and language packs (issue 14): translations made outside CCAT, installed into the data folder.
  /** The eight languages with their direction, shipped status, installed pack and completeness. */
  listLanguages: z.strictObject({}),
  /** Everything translatable for one language (UI, framework, catalogue, guide) as XLIFF 2.0 or a two-column XLSX. */
  exportLanguagePack: z.strictObject({ language, format: z.enum(packFormats) }),
  /** Validates the whole file (XLIFF or XLSX, told apart by content) and installs it; a bad file is refused with every problem and changes nothing. */
  importLanguagePack: z.strictObject({ fileName: z.string().trim().min(1).max(255), contentBase64: z.string().max(40 * 1024 * 1024) }),
  removeLanguagePack: z.strictObject({ language }),
  /** The i18next resources of one language with its installed pack applied, for the UI to merge. */
  getUiStrings: z.strictObject({ language }),
  /** The assessor's guide in one language as Markdown, installed pack applied. */
  getGuide: z.strictObject({ language }),
} as const;

export type CommandName = keyof typeof commands;
export const commandNames = Object.keys(commands) as CommandName[];

export interface AppInfo {
  version: string;
  dataDir: string;
  languages: readonly string[];
  /** Whether this shell can print PDFs (Electron, or serve with Chromium available). */
  pdf: boolean;
}

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  /** Text formats are utf8, binary formats base64. */
  encoding: 'utf8' | 'base64';
  content: string;
  /** What was checked after rendering, e.g. "XLSX re-read: 6 sheets", in English for logs and the CLI. */
  verified: string;
  /** The same check as figures, for the UI to say in its own language (report exports only). */
  check?: ExportCheck;
}

/** What each command returns on success. */
export interface CommandResults {
  getAppInfo: AppInfo;
  getStoreStatus: { notices: StoreNotice[] };
  listFrameworks: FrameworkSummary[];
  getFramework: Framework;
  getCatalogue: Catalogue | null;
  listAssessments: AssessmentSummary[];
  createAssessment: Assessment;
  getAssessment: Assessment;
  /**
   * `assessment.history` is empty: a long-edited assessment's history can be many times the
   * rest, and the rating screens never show it (getAssessment has it, for the history views).
   */
  openAssessment: { assessment: Assessment; framework: Framework };
  updateSetup: Assessment;
  addTeamMember: { revision: number; team: TeamMember[] };
  updateTeamMember: { revision: number; team: TeamMember[] };
  removeTeamMember: { revision: number; team: TeamMember[] };
  updateResponse: { revision: number; updatedAt: string; response: IndicatorResponse | null };
  saveSession: InterviewSession;
  deleteSession: { revision: number };
  updateSessionInput: { revision: number };
  addAttachment: AttachmentMeta;
  removeAttachment: { revision: number };
  getAttachment: { fileName: string; mediaType: string; contentBase64: string };
  getReview: Review;
  getUserSettings: UserSettings;
  setAssessorName: UserSettings;
  finalizeAssessment: Assessment;
  reopenAssessment: Assessment;
  getScores: AssessmentScores;
  getPlan: ProposedPlan;
  updatePlan: ProposedPlan;
  exportAssessment: ExportedFile;
  getInstallationKey: InstallationKeyInfo;
  renameInstallation: InstallationKeyInfo;
  exportBundle: ExportedFile;
  inspectBundle: BundleInspection;
  importBundle: BundleImportResult;
  listSigners: KnownSigner[];
  trustSigner: KnownSigner;
  renameSigner: KnownSigner;
  removeSigner: { removed: string };
  previewFrameworkMove: FrameworkMovePreview;
  moveToFramework: Assessment;
  previewMerge: MergePreview;
  mergeAssessments: Assessment;
  listPortfolio: PortfolioView;
  listRegions: RegionInfo[];
  archiveAssessments: ShelfResult;
  trashAssessments: ShelfResult;
  restoreAssessments: ShelfResult;
  emptyTrash: EmptyTrashResult;
  compareAssessments: Comparison;
  getCountryTrend: CountryTrend;
  rankCountries: Ranking;
  exportPortfolio: ExportedFile;
  exportComparison: ExportedFile;
  exportRanking: ExportedFile;
  openSample: { id: string };
  listLanguages: LanguageListing[];
  exportLanguagePack: ExportedFile;
  importLanguagePack: LanguagePackImport;
  removeLanguagePack: { removed: boolean };
  getUiStrings: UiStrings;
  getGuide: GuideText;
}

export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]>;
export type ParsedInput<K extends CommandName> = z.output<(typeof commands)[K]>;

// Compile-time proof that every command has a result type and vice versa.
type Missing = Exclude<CommandName, keyof CommandResults> | Exclude<keyof CommandResults, CommandName>;
const noMissingResults: [Missing] extends [never] ? true : Missing = true;
void noMissingResults;
