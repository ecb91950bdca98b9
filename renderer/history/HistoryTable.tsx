import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../core/model/assessment';
import { formatDateTime } from '../format';
import { useWorkspace } from '../workspace/context';
import { describer } from './describe';
import { Arrow } from '../components/Arrow';

/** Append-only change history, newest first. */
export function HistoryTable({ entries, caption }: { entries: HistoryEntry[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const { assessment, framework } = useWorkspace();
  const describe = describer(framework, assessment, i18n.language, t);
  const rows = entries.map((entry, index) => ({ entry, index })).reverse();
  return (
    <div className="table-scroll">
      <table className="data-table history-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('history.who')}</th>
            <th scope="col">{t('history.what')}</th>
            <th scope="col">{t('history.change')}</th>
            <th scope="col">{t('history.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ entry, index }) => (
            <tr key={index}>
              <td className="nowrap">{formatDateTime(entry.at, i18n.language)}</td>
              <td className="history-who">{entry.by}</td>
              <td>{describe.field(entry.field)}</td>
              <td className="history-change">
                <span className="history-from">{describe.value(entry.field, entry.from)}</span>
                {' '}<Arrow to="forward" />{' '}
                <span className="sr-only"> {t('history.to')} </span>
                <span className="history-to">{describe.value(entry.field, entry.to)}</span>
              </td>
              <td>{entry.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
