import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField';
import { useWorkspace } from '../workspace/context';

/** The mission or self-assessment period. Saved when both ends make sense. */
export function PeriodFields() {
  const { t } = useTranslation();
  const { assessment, readOnly, editSetup } = useWorkspace();
  const [from, setFrom] = useState(assessment.period.from ?? '');
  const [to, setTo] = useState(assessment.period.to ?? '');
  const backwards = from !== '' && to !== '' && to < from;

  const change = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (nextFrom !== '' && nextTo !== '' && nextTo < nextFrom) return;
    editSetup({ period: { ...(nextFrom ? { from: nextFrom } : {}), ...(nextTo ? { to: nextTo } : {}) } }, true);
  };

  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor="period-from">{t('setup.period.from')}</label>
        <DateField id="period-from" value={from} disabled={readOnly} onChange={(value) => change(value, to)} />
      </div>
      <div className="field">
        <label htmlFor="period-to">{t('setup.period.to')}</label>
        <DateField id="period-to" value={to} disabled={readOnly} invalid={backwards} describedBy={backwards ? 'period-error' : undefined} onChange={(value) => change(from, value)} />
        {backwards && (
          <p id="period-error" className="field-error">
            {t('setup.period.backwards')}
          </p>
        )}
      </div>
    </div>
  );
}
