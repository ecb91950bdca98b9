import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { useFreshAssessment } from '../hooks/useFreshAssessment';
import { HistoryTable } from './HistoryTable';

/** The whole assessment's append-only change history, as stored. */
export function HistoryView() {
  const { t } = useTranslation();
  const [refresh, setRefresh] = useState(0);
  const [onlyReasons, setOnlyReasons] = useState(false);
  const fresh = useFreshAssessment(true, refresh);
  const entries = fresh.kind === 'ready' ? fresh.assessment.history.filter((e) => !onlyReasons || e.reason) : [];
  return (
    <section className="panel" aria-labelledby="history-heading">
      <div className="page-head">
        <h2 id="history-heading" tabIndex={-1}>
          {t('history.heading')}
        </h2>
        <button type="button" className="button button-small" onClick={() => setRefresh((n) => n + 1)}>
          {t('history.refresh')}
        </button>
      </div>
      <p className="muted">{t('history.intro')}</p>
      <label className="choice">
        <input type="checkbox" checked={onlyReasons} onChange={(e) => setOnlyReasons(e.target.checked)} />
        {t('history.onlyReasons')}
      </label>
      {fresh.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {fresh.kind === 'error' && <ErrorMessage error={fresh.error} />}
      {fresh.kind === 'ready' && (
        <>
          <p className="muted">{t('history.count', { count: entries.length })}</p>
          {entries.length > 0 && <HistoryTable entries={entries} caption={t('history.heading')} />}
        </>
      )}
    </section>
  );
}
