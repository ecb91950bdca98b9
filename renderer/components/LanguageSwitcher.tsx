import { useTranslation } from 'react-i18next';
import { languageInfo, uiLanguages } from '../../locales/languages';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span>{t('language.label')}</span>
      <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {uiLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageInfo(language).nativeName}
          </option>
        ))}
      </select>
    </label>
  );
}
