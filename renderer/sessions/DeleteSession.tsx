import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { InterviewSession } from '../../core/model/assessment';
import { indicatorNumber } from '../../core/framework/summary';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Modal } from '../components/Modal';
import { href, navigate } from '../route';
import { useWorkspace } from '../workspace/context';

/** Deleting keeps the whole session in the history; a session that ratings cite must be uncited first. */
export function DeleteSession({ session }: { session: InterviewSession }) {
  const { t } = useTranslation();
  const { assessment, framework, assessor, autosave, update } = useWorkspace();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const inputs = Object.keys(session.inputs).length;
  const citing = Object.entries(assessment.responses)
    .filter(([, r]) => r.sessionIds.includes(session.id))
    .map(([id]) => id);

  const remove = async () => {
    await autosave.flush();
    const result = await call('deleteSession', { id: assessment.id, sessionId: session.id, by: assessor.trim() || undefined });
    if (!result.ok) return setFailure(result.error);
    setOpen(false);
    autosave.sessionDeleted(session.id);
    update((a) => ({ ...a, sessions: a.sessions.filter((s) => s.id !== session.id) }));
    navigate({ screen: 'assessment', id: assessment.id, view: 'sessions' });
  };

  return (
    <>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        {t('sessions.delete')}
      </button>
      <Modal open={open} title={t('sessions.deleteTitle', { title: session.title })} onClose={() => setOpen(false)}>
        {citing.length > 0 ? (
          <>
            <p>{t('sessions.deleteCited', { count: citing.length })}</p>
            <ul>
              {citing.map((id) => (
                <li key={id}>
                  <a href={href({ screen: 'assessment', id: assessment.id, view: 'rate', indicatorId: id })}>{indicatorNumber(framework, id)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('sessions.deleteBody', { count: inputs })}</p>
        )}
        {failure && <ErrorMessage error={failure} />}
        <div className="actions">
          {citing.length === 0 && (
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              {t('sessions.deleteConfirm')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setOpen(false)} data-autofocus>
            {t('create.cancel')}
          </button>
        </div>
      </Modal>
    </>
  );
}
