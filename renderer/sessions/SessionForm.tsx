import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { today } from '../format';
import type { SessionFields } from '../hooks/useAutosave';
import { href, navigate } from '../route';
import { useWorkspace } from '../workspace/context';
import { DeleteSession } from './DeleteSession';
import { SessionFieldset } from './SessionFieldset';
import { Arrow } from '../components/Arrow';

/** A new session is saved with a button (it needs an id first); an existing one saves as you type. */
export function SessionForm({ sessionId }: { sessionId: string | undefined }) {
  const { t } = useTranslation();
  const { assessment, readOnly, assessor, editSession, update, autosave } = useWorkspace();
  const existing = sessionId ? assessment.sessions.find((s) => s.id === sessionId) : undefined;
  const [fields, setFields] = useState<SessionFields>(() =>
    existing
      ? { sessionId: existing.id, title: existing.title, date: existing.date, cluster: existing.cluster, participants: existing.participants, organisations: existing.organisations, nonAttributable: existing.nonAttributable, notes: existing.notes }
      : { sessionId: '', title: '', date: today(), cluster: 'csirt', participants: 1, organisations: '', nonAttributable: false, notes: '' },
  );
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const list = href({ screen: 'assessment', id: assessment.id, view: 'sessions' });

  if (sessionId && !existing) {
    return (
      <section className="panel">
        <h2>{t('sessions.notFound')}</h2>
        <a href={list}>{t('sessions.backToList')}</a>
      </section>
    );
  }

  const valid = fields.title.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(fields.date);
  const change = (next: SessionFields) => {
    setFields(next);
    if (existing && next.title.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(next.date)) editSession({ ...next, title: next.title.trim() });
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid) return document.getElementById(fields.title.trim() === '' ? 'session-title' : 'session-date')?.focus();
    setBusy(true);
    const session = { title: fields.title.trim(), date: fields.date, cluster: fields.cluster, participants: fields.participants, organisations: fields.organisations, nonAttributable: fields.nonAttributable, notes: fields.notes };
    const result = await call('saveSession', { id: assessment.id, session, by: assessor.trim() || undefined });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    autosave.sessionCreated(result.data);
    update((a) => ({ ...a, sessions: [...a.sessions, result.data] }));
    navigate({ screen: 'assessment', id: assessment.id, view: 'capture', sessionId: result.data.id });
  };

  return (
    <section className="panel" aria-labelledby="session-heading">
      <p className="breadcrumb">
        <a href={list}><Arrow to="back" /> {t('sessions.backToList')}</a>
      </p>
      <h2 id="session-heading" tabIndex={-1}>
        {existing ? t('sessions.editHeading') : t('sessions.newHeading')}
      </h2>
      <form onSubmit={(event) => void create(event)} noValidate className="session-form">
        <SessionFieldset fields={fields} onChange={change} showErrors={tried || Boolean(existing)} disabled={readOnly} />
        {failure && <ErrorMessage error={failure} />}
        <div className="actions">
          {existing ? (
            <>
              <a className="button button-primary" href={href({ screen: 'assessment', id: assessment.id, view: 'capture', sessionId: existing.id })}>
                {readOnly ? t('sessions.viewNotes') : t('sessions.capture')}
              </a>
              <a className="button" href={list}>
                {t('sessions.done')}
              </a>
              {!readOnly && <DeleteSession session={existing} />}
            </>
          ) : (
            <>
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('sessions.saveAndCapture')}
              </button>
              <a className="button" href={list}>
                {t('create.cancel')}
              </a>
            </>
          )}
        </div>
      </form>
    </section>
  );
}
