import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../core/model/assessment';
import { formatDate } from '../format';

/** Offered once the country is known: a follow-up starts from an earlier assessment of the same country. */
export function BaselinePicker({ options, value, onChange }: { options: AssessmentSummary[]; value: string; onChange: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="baseline">{t('create.baselineLabel')}</label>
      <select id="baseline" value={value} aria-describedby="baseline-hint" onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('create.baselineNone')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.title} ({t(`status.${option.status}`)}, {formatDate(option.updatedAt, i18n.language)})
          </option>
        ))}
      </select>
      <p id="baseline-hint" className="field-hint">
        {t('create.baselineHint')}
      </p>
    </div>
  );
}
