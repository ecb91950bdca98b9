import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { href } from '../route';
import { useWorkspace } from '../workspace/context';

/** Sessions that gave no input to any indicator and that no rating cites. */
export function SessionIssueList({ ids }: { ids: string[] }) {
  const { t, i18n } = useTranslation();
  const { assessment } = useWorkspace();
  return (
    <section className={`issue-list ${ids.length > 0 ? 'has-issues' : ''}`} aria-labelledby="issues-sessions">
      <h3 id="issues-sessions">
        {t('review.lists.sessionsWithoutInput')} <span className="chip-count">{ids.length}</span>
      </h3>
      {ids.length === 0 ? (
        <p className="muted">{t('review.empty.sessionsWithoutInput')}</p>
      ) : (
        <ul>
          {ids.map((id) => {
            const session = assessment.sessions.find((s) => s.id === id);
            return (
              <li key={id}>
                <a href={href({ screen: 'assessment', id: assessment.id, view: 'capture', sessionId: id })}>
                  {session ? `${formatDate(session.date, i18n.language)} — ${session.title || t('sessions.untitled')}` : id}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
