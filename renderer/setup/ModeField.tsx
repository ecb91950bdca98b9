import { useTranslation } from 'react-i18next';
import { assessmentModes, type AssessmentMode } from '../../core/model/vocabulary';

export function ModeField({ value, onChange, disabled = false }: { value: AssessmentMode; onChange: (mode: AssessmentMode) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t('create.modeLabel')}</legend>
      <div className="choices choices-stacked">
        {assessmentModes.map((mode) => (
          <label key={mode} className="choice">
            <input type="radio" name="mode" value={mode} checked={value === mode} disabled={disabled} onChange={() => onChange(mode)} aria-describedby={`mode-${mode}-hint`} />
            <span>
              {t(`mode.${mode}`)}
              <span id={`mode-${mode}-hint`} className="choice-hint">
                {t(`setup.modeHint.${mode}`)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
