import enCommon from './en/common.json';
import enReport from './en/report.json';
import jaCommon from './ja/common.json';
import jaReport from './ja/report.json';
import viCommon from './vi/common.json';
import viReport from './vi/report.json';
import idCommon from './id/common.json';
import idReport from './id/report.json';
import thCommon from './th/common.json';
import thReport from './th/report.json';
import kmCommon from './km/common.json';
import kmReport from './km/report.json';
import frCommon from './fr/common.json';
import frReport from './fr/report.json';
import arCommon from './ar/common.json';
import arReport from './ar/report.json';

export { sourceLanguage, uiLanguages, type UiLanguage } from './languages';
import type { ResourceLanguage } from 'i18next';
import type { UiLanguage } from './languages';

const sourceResources = { common: enCommon, report: enReport } as const;

/** English defines the keys every other language must have (see the parity test). */
export type SourceResources = typeof sourceResources;

/** Every language's strings, for what Node renders itself (reports, menus); a key missing in a language falls back to English. */
export const resources: { en: SourceResources } & Record<UiLanguage, ResourceLanguage> = {
  en: sourceResources,
  ja: { common: jaCommon, report: jaReport },
  vi: { common: viCommon, report: viReport },
  id: { common: idCommon, report: idReport },
  th: { common: thCommon, report: thReport },
  km: { common: kmCommon, report: kmReport },
  fr: { common: frCommon, report: frReport },
  ar: { common: arCommon, report: arReport },
};
