import enCommon from './en/common.json';
import enReport from './en/report.json';
import jaCommon from './ja/common.json';
import jaReport from './ja/report.json';

export { sourceLanguage, uiLanguages, type UiLanguage } from './languages';
import type { ResourceLanguage } from 'i18next';
import type { UiLanguage } from './languages';

const sourceResources = { common: enCommon, report: enReport } as const;

/** English defines the keys every other language must have (see the parity test). */
export type SourceResources = typeof sourceResources;

/** Every language's strings, for what Node renders itself (reports, menus); a language not yet translated falls back to English. */
export const resources: { en: SourceResources } & Partial<Record<UiLanguage, ResourceLanguage>> = {
  en: sourceResources,
  ja: { common: jaCommon, report: jaReport },
};
