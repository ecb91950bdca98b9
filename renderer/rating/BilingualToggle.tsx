import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../locales/languages';

/** Question and descriptors in a second language beside the UI language, for joint sessions with counterparts. */
// Memoised: "next" changes none of it.
export const BilingualToggle = memo(function BilingualToggle({ languages, value, onChange }: { languages: string[]; value: string | undefined; onChange: (language: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const others = languages.filter((l) => l !== i18n.language);
  if (others.length === 0) return null;
  const name = (code: string) => languageName(code, i18n.language);
  return (
    <div className="bilingual-toggle">
      <label className="choice">
        <input type="checkbox" checked={value !== undefined} onChange={(e) => onChange(e.target.checked ? others[0] : undefined)} />
        {others.length === 1 ? t('bilingual.toggleOne', { language: name(others[0]!) }) : t('bilingual.toggle')}
      </label>
      {others.length > 1 && value !== undefined && (
        <label className="choice">
          {t('bilingual.second')}
          <select value={value} onChange={(e) => onChange(e.target.value)}>
            {others.map((code) => (
              <option key={code} value={code}>
                {name(code)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
});
