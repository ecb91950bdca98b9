import enCommon from './en/common.json';
import enReport from './en/report.json';
import jaCommon from './ja/common.json';
import jaReport from './ja/report.json';

/** English is the source locale: its files define the keys every other language must have. */
export const sourceLanguage = 'en';
export const uiLanguages = ['en', 'ja'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export const resources = {
  en: { common: enCommon, report: enReport },
  ja: { common: jaCommon, report: jaReport },
} as const;

export type SourceResources = (typeof resources)['en'];
