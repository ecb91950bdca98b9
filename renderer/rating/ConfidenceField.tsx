import { useTranslation } from 'react-i18next';
import { confidenceLevels, type Confidence } from '../../core/model/vocabulary';
import { useWorkspace } from '../workspace/context';

export const confidenceKeys: Record<Confidence, string> = { low: 'L', medium: 'M', high: 'H' };

export function ConfidenceField({ value, onChange }: { value: Confidence | undefined; onChange: (value: Confidence) => void }) {
  const { t } = useTranslation();
  const { readOnly } = useWorkspace();
  return (
    <fieldset className="confidence" aria-describedby={value === undefined && !readOnly ? 'confidence-hint' : undefined}>
      <legend>{t('assess.confidence')}</legend>
      <div className="choices">
        {confidenceLevels.map((level) => (
          <label key={level} className="choice">
            <input type="radio" name="confidence" checked={value === level} disabled={readOnly} aria-keyshortcuts={confidenceKeys[level]} onChange={() => onChange(level)} />
            {t(`confidence.${level}`)} <kbd aria-hidden="true">{confidenceKeys[level]}</kbd>
          </label>
        ))}
      </div>
      {value === undefined && !readOnly && (
        <p id="confidence-hint" className="sr-only">
          {t('assess.confidenceHint')}
        </p>
      )}
    </fieldset>
  );
}
