import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageStatus } from '../../locales/languages';
import { isUiLanguage, languageInfo, languageNameInText, type UiLanguage } from '../../locales/languages';
import { formatDate } from '../format';
import { installedPack, onPacksChanged, packsSnapshot } from '../i18n';

export interface StatusText {
  kind: 'source' | 'draft' | 'reviewed';
  text: string;
}

/**
 * How far a language's translation can be trusted, in the UI language: an installed language
 * pack's own status where there is one, else the shipped one. Nothing claims a review that did not happen.
 */
export function useLanguageStatus(): (language: UiLanguage) => StatusText {
  const { t, i18n } = useTranslation();
  useSyncExternalStore(onPacksChanged, packsSnapshot, packsSnapshot);
  return (language) => {
    const pack = installedPack(language);
    const status: LanguageStatus = pack ?? languageInfo(language).status;
    const withPack = (text: string) => (pack ? `${text} · ${t('language.packInstalled')}` : text);
    if (status.kind === 'draft') return { kind: 'draft', text: withPack(t('language.draft')) };
    if (status.kind === 'reviewed') return { kind: 'reviewed', text: withPack(t('language.reviewed', { reviewer: status.reviewer, date: formatDate(status.reviewedOn, i18n.language) })) };
    return { kind: 'source', text: t('language.source') };
  };
}

/**
 * Said above framework content (the indicator, the guide): when the text shown is a draft
 * translation, or when the UI language has no translation of it and English stands in.
 */
export function ContentLanguageNote({ wanted, shown }: { wanted: string; shown: string }) {
  const { t, i18n } = useTranslation();
  const name = (code: UiLanguage) => languageNameInText(code, i18n.language);
  if (isUiLanguage(wanted) && wanted !== shown) return <p className="content-language-note">{t('language.contentFallback', { language: name(wanted) })}</p>;
  if (isUiLanguage(shown) && (installedPack(shown) ?? languageInfo(shown).status).kind === 'draft') return <p className="content-language-note">{t('language.draftContent', { language: name(shown) })}</p>;
  return null;
}

