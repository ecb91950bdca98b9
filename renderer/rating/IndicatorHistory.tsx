import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { useFreshAssessment } from '../hooks/useFreshAssessment';
import { HistoryTable } from '../history/HistoryTable';
import { useStateFor } from './useStateFor';

function concerns(field: string, indicatorId: string): boolean {
  const escaped = indicatorId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[:/])${escaped}($|[.:/])`).test(field);
}

/** This indicator's change history, read from the store when opened. */
export function IndicatorHistory({ indicatorId }: { indicatorId: string }) {
  const { t } = useTranslation();
  // Closed again for each indicator, as the panel around it stays mounted.
  const [open, setOpen] = useStateFor(indicatorId, false);
  const [opened, setOpened] = useStateFor(indicatorId, 0);
  const fresh = useFreshAssessment(open, opened);
  return (
    <details
      className="help history-details"
      open={open}
      onToggle={(event) => {
        const isOpen = event.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) setOpened((n) => n + 1);
      }}
    >
      <summary>{t('history.indicatorHeading')}</summary>
      {open && fresh.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {open && fresh.kind === 'error' && <ErrorMessage error={fresh.error} />}
      {open &&
        fresh.kind === 'ready' &&
        (() => {
          const entries = fresh.assessment.history.filter((entry) => concerns(entry.field, indicatorId));
          return entries.length === 0 ? <p className="muted">{t('history.none')}</p> : <HistoryTable entries={entries} caption={t('history.indicatorHeading')} />;
        })()}
    </details>
  );
}
