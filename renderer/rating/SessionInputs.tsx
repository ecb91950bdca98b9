import { useTranslation } from 'react-i18next';
import { formatDate, levelLabel } from '../format';
import { href } from '../route';
import { useWorkspace } from '../workspace/context';

/** What each session said about this indicator, for the team to weigh before it sets the consensus rating. */
export function SessionInputs({ indicatorId }: { indicatorId: string }) {
  const { t, i18n } = useTranslation();
  const { assessment, framework, readOnly, editResponse } = useWorkspace();
  const withInput = assessment.sessions.filter((s) => s.inputs[indicatorId]);
  const cited = assessment.responses[indicatorId]?.sessionIds ?? [];
  const toggle = (sessionId: string, on: boolean) =>
    editResponse(indicatorId, { sessionIds: on ? [...cited.filter((id) => id !== sessionId), sessionId] : cited.filter((id) => id !== sessionId) }, true);

  return (
    <section className="session-inputs" aria-labelledby="session-inputs-heading">
      <h3 id="session-inputs-heading">{t('inputs.heading', { count: withInput.length })}</h3>
      {withInput.length === 0 ? (
        <p className="muted">
          {assessment.sessions.length === 0 ? t('inputs.noSessions') : t('inputs.none')}{' '}
          {assessment.sessions.length > 0 ? (
            <a href={href({ screen: 'assessment', id: assessment.id, view: 'capture', sessionId: assessment.sessions.at(-1)!.id, indicatorId })}>
              {t('inputs.captureLink', { title: assessment.sessions.at(-1)!.title || formatDate(assessment.sessions.at(-1)!.date, i18n.language) })}
            </a>
          ) : (
            <a href={href({ screen: 'assessment', id: assessment.id, view: 'sessions', sessionId: 'new' })}>{t('sessions.add')}</a>
          )}
        </p>
      ) : (
        <ul className="input-list">
          {withInput.map((session) => {
            const input = session.inputs[indicatorId]!;
            return (
              <li key={session.id} className="input-item">
                <p className="input-source">
                  <strong>{session.title || t('sessions.untitled')}</strong> · {formatDate(session.date, i18n.language)} · {t(`clusters.${session.cluster}`)}
                  {session.nonAttributable && <span className="badge">{t('sessions.nonAttributableBadge')}</span>}
                </p>
                <p className="input-level">{input.level ? t('inputs.suggested', { level: levelLabel(framework, input.level, i18n.language) }) : t('inputs.noLevel')}</p>
                {input.note && <p className="input-note">{input.note}</p>}
                <label className="choice">
                  <input type="checkbox" checked={cited.includes(session.id)} disabled={readOnly} onChange={(e) => toggle(session.id, e.target.checked)} />
                  {t('inputs.cite')}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
