import { useTranslation } from 'react-i18next';
import { confidenceLevels, type Confidence } from '../../core/model/vocabulary';
import { useWorkspace } from '../workspace/context';

export function ConfidenceField({ value, onChange }: { value: Confidence | undefined; onChange: (value: Confidence) => void }) {
  const { t } = useTranslation();
  const { readOnly } = useWorkspace();
  return (
    <fieldset className="field confidence">
      <legend>{t('assess.confidence')}</legend>
      <div className="choices">
        {confidenceLevels.map((level) => (
          <label key={level} className="choice">
            <input type="radio" name="confidence" checked={value === level} disabled={readOnly} onChange={() => onChange(level)} />
            {t(`confidence.${level}`)}
          </label>
        ))}
      </div>
      {value === undefined && !readOnly && <p className="field-hint">{t('assess.confidenceHint')}</p>}
    </fieldset>
  );
}
