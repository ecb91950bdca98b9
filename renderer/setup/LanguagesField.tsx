import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/context';
import { languageName } from '../../locales/languages';

/** Languages commonly used in interviews and documents; the framework's own languages come first. */
const common = ['en', 'ja', 'fr', 'es', 'pt', 'ar', 'ru', 'zh', 'vi', 'id', 'th', 'km', 'lo', 'my', 'mn', 'ms', 'tl', 'sw', 'uk'];

export function LanguagesField() {
  const { t, i18n } = useTranslation();
  const { assessment, framework, readOnly, editSetup } = useWorkspace();
  const codes = [...new Set([...framework.languages, ...assessment.languages, ...common])];
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...assessment.languages, code] : assessment.languages.filter((c) => c !== code);
    editSetup({ languages: codes.filter((c) => next.includes(c)) }, true);
  };
  return (
    <fieldset className="field">
      <legend>{t('setup.languages.label')}</legend>
      <p className="field-hint">{t('setup.languages.hint')}</p>
      <div className="choices choices-grid">
        {codes.map((code) => (
          <label key={code} className="choice">
            <input type="checkbox" checked={assessment.languages.includes(code)} disabled={readOnly} onChange={(e) => toggle(code, e.target.checked)} />
            {languageName(code, i18n.language)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
