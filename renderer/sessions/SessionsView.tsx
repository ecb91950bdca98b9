import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { href } from '../route';
import { useWorkspace } from '../workspace/context';
import { SessionForm } from './SessionForm';

/** Interviews and workshops: the list, or one session's form. */
export function SessionsView({ sessionId }: { sessionId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { assessment, readOnly } = useWorkspace();
  if (sessionId) return <SessionForm key={sessionId} sessionId={sessionId === 'new' ? undefined : sessionId} />;
  const sessions = [...assessment.sessions].sort((a, b) => a.date.localeCompare(b.date));
  const addLink = href({ screen: 'assessment', id: assessment.id, view: 'sessions', sessionId: 'new' });
  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <div className="page-head">
        <h2 id="sessions-heading" tabIndex={-1}>
          {t('sessions.heading')}
        </h2>
        {!readOnly && (
          <a className="button button-primary" href={addLink}>
            + {t('sessions.add')}
          </a>
        )}
      </div>
      <p className="muted">{t('sessions.intro')}</p>
      {sessions.length === 0 ? (
        <div className="empty-state">
          <h3>{t('sessions.emptyTitle')}</h3>
          <p>{t('sessions.emptyBody')}</p>
          {!readOnly && (
            <a className="button button-primary" href={addLink}>
              + {t('sessions.add')}
            </a>
          )}
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table sessions-table">
            <caption className="sr-only">{t('sessions.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sessions.sessionColumn')}</th>
                <th scope="col">{t('sessions.participantsShort')}</th>
                <th scope="col">{t('sessions.inputsColumn')}</th>
                <th scope="col">
                  <span className="sr-only">{t('sessions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => {
                const title = session.title || t('sessions.untitled');
                return (
                  <tr key={session.id}>
                    <td>
                      <a href={href({ screen: 'assessment', id: assessment.id, view: 'sessions', sessionId: session.id })}>{title}</a>
                      {session.nonAttributable && <span className="badge">{t('sessions.nonAttributableBadge')}</span>}
                      <span className="cell-meta">
                        {formatDate(session.date, i18n.language)} · {t(`clusters.${session.cluster}`)}
                      </span>
                    </td>
                    <td>{session.participants}</td>
                    <td>{Object.keys(session.inputs).length}</td>
                    <td>
                      <a className="button button-small" href={href({ screen: 'assessment', id: assessment.id, view: 'capture', sessionId: session.id })}>
                        {readOnly ? t('sessions.viewNotes') : t('sessions.capture')}
                        <span className="sr-only"> — {title}</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
