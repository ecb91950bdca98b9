import type { UiLanguage } from '../../locales/languages';
import type { exportFormats, reportKinds } from '../api/exports-vocabulary';
import type { Assessment } from '../model/assessment';
import type { Catalogue } from '../model/catalogue';
import type { Framework } from '../model/framework';
import type { ProposedPlan } from '../planning/types';
import type { AssessmentScores } from '../scoring/scores';
import type { ReportComparison } from './sections/comparison';
import type { UiOverrides } from '../i18n/translator';

export type ReportKind = (typeof reportKinds)[number];
export type ExportFormat = (typeof exportFormats)[number];

/** Everything a report is made from. The caller loads and scores; the report code only reads. */
export interface ReportInput {
  framework: Framework;
  /** The support catalogue, for programme names and providers; without it programme ids are shown. */
  catalogue?: Catalogue | undefined;
  assessment: Assessment;
  scores: AssessmentScores;
  plan: ProposedPlan;
  /** The earlier assessment this one follows up (assessment.baselineId), drawn dotted on the radar. */
  baseline?: { title: string; scores: AssessmentScores } | undefined;
  /** Another assessment of the same country and framework version (the self-assessment beside the field rating): the full report compares the two. */
  comparison?: ReportComparison | undefined;
  report: ReportKind;
  language: UiLanguage;
  secondLanguage?: UiLanguage | undefined;
  /** Leave out people's names and the organisations of non-attributable sessions. */
  redact: boolean;
  generatedAt: Date;
  appVersion: string;
  /** IANA zone for dates and times; by default the country's own zone (see reportTimeZone). */
  timeZone?: string | undefined;
  /** The classification line on every page: a preset key (classificationPresets) or text as typed. */
  classification?: string | undefined;
  /** Installed language packs' UI strings by report language, laid over the shipped ones. */
  uiOverrides?: Partial<Record<UiLanguage, UiOverrides>> | undefined;
}

export interface ExportInput extends ReportInput {
  format: ExportFormat;
}
