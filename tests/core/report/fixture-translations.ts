import type { ResourceLanguage } from 'i18next';
import { resources } from '../../../locales/resources';

/**
 * A few report strings in Thai, Khmer and Arabic until the translators' files land: enough to see
 * a report title in each script, with everything else falling back to English. Tests install them
 * for their run and put back whatever was there (real translations included).
 */
export const fixtureTitles = {
  th: 'รายงานการประเมินขีดความสามารถด้านไซเบอร์',
  km: 'របាយការណ៍វាយតម្លៃសមត្ថភាពសាយប័រ',
  ar: 'تقرير تقييم القدرات السيبرانية',
} as const;

/** Arabic plural forms of one label, to show which of the six i18next picks. */
export const arabicTeamWithheld = {
  teamWithheld_zero: 'لا أعضاء (الأسماء محجوبة)',
  teamWithheld_one: 'عضو واحد (الاسم محجوب)',
  teamWithheld_two: 'عضوان (الاسمان محجوبان)',
  teamWithheld_few: '{{count}} أعضاء (الأسماء محجوبة)',
  teamWithheld_many: '{{count}} عضوًا (الأسماء محجوبة)',
  teamWithheld_other: '{{count}} عضو (الأسماء محجوبة)',
};

/** The draft note in Arabic: an English sentence inside a right-to-left page would not read in order. */
export const arabicDraftNote = 'النص {{language}} في هذا التقرير ترجمة أولية لم يراجعها بعد متحدث أصلي.';

export function installFixtureTranslations(): () => void {
  const saved = new Map<keyof typeof fixtureTitles, ResourceLanguage | undefined>();
  for (const language of ['th', 'km', 'ar'] as const) {
    saved.set(language, resources[language]);
    const existing = resources[language];
    const report = { ...(existing?.report as Record<string, unknown> | undefined), title: fixtureTitles[language], ...(language === 'ar' ? { ...arabicTeamWithheld, marking: { ...(existing?.report as { marking?: object } | undefined)?.marking, translationDraft: arabicDraftNote } } : {}) };
    resources[language] = { ...existing, report };
  }
  return () => {
    for (const [language, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(resources, language);
      else resources[language] = value;
    }
  };
}
