import { languageInfo, languageNameInText } from '../../locales/languages';
import type { Txt } from './document';
import { fmtDate } from './format';
import type { Labels } from './labels';

/**
 * What the reader is told about the translations a report is in: each report language that is not
 * a source language is named as a draft (not yet reviewed by a native speaker) or as reviewed, by
 * whom and when, as locales/languages.json records it. Nothing is claimed that the data does not say.
 */
export function translationNote(L: Labels): Txt | null {
  const translated = L.languages.filter((language) => languageInfo(language).status.kind !== 'source');
  if (translated.length === 0) return null;
  return L.each((reader) =>
    translated
      .map((language) => {
        const status = languageInfo(language).status;
        const name = languageNameInText(language, reader);
        return status.kind === 'reviewed'
          ? L.in(reader, 'marking.translationReviewed', { language: name, reviewer: status.reviewer, date: fmtDate(status.reviewedOn, reader) })
          : L.in(reader, 'marking.translationDraft', { language: name });
      })
      .join(' '),
  );
}
