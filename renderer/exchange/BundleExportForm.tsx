import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { call, request } from '../api';
import { useErrorText } from '../components/ErrorMessage';
import { download } from '../export/download';
import { useLoad } from '../hooks/useLoad';
import { lastAssessor } from '../hooks/useAssessor';
import './exchange.css';

type Protection = 'none' | 'recipient' | 'passphrase';
type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string; verified: string } | { kind: 'error'; error: ApiError } | { kind: 'invalid'; message: string };

const recipientPattern = /^age1[0-9a-z]{20,}$/;

/** A signed .ccat file of one or more assessments, optionally encrypted for HQ or with a passphrase. */
export function BundleExportForm({ assessmentId, beforeExport, onClose }: { assessmentId: string; beforeExport: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const list = useLoad(() => request('listAssessments', {}), 'bundle-list');
  const [ids, setIds] = useState<string[]>([assessmentId]);
  const [protection, setProtection] = useState<Protection>('none');
  const [recipients, setRecipients] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [redact, setRedact] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const recipientList = recipients.split(/\s+/).map((r) => r.trim()).filter((r) => r !== '' && !r.startsWith('#'));
  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (protection === 'recipient' && (recipientList.length === 0 || !recipientList.every((r) => recipientPattern.test(r)))) {
      setState({ kind: 'invalid', message: t('exchange.export.badRecipient') });
      return;
    }
    if (protection === 'passphrase' && (passphrase.length < 8 || passphrase !== again)) {
      setState({ kind: 'invalid', message: passphrase.length < 8 ? t('exchange.export.shortPassphrase') : t('exchange.export.passphraseMismatch') });
      return;
    }
    setState({ kind: 'working' });
    await beforeExport();
    const by = lastAssessor().trim();
    const result = await call('exportBundle', {
      ids,
      recipients: protection === 'recipient' ? recipientList : [],
      ...(protection === 'passphrase' ? { passphrase } : {}),
      redact,
      ...(by === '' ? {} : { by }),
    });
    if (!result.ok) {
      setState({ kind: 'error', error: result.error });
      return;
    }
    download(result.data);
    setState({ kind: 'done', file: result.data.fileName, verified: result.data.verified });
  };

  return (
    <form onSubmit={(event) => void run(event)} className="export-form" aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="field-hint">
        {t('exchange.export.intro')}
      </p>
      <fieldset className="field">
        <legend>{t('exchange.export.assessments')}</legend>
        {list.kind === 'ready' ? (
          <div className="bundle-choices">
            {list.data.map((a) => (
              <label key={a.id} className="choice-block">
                <input
                  type="checkbox"
                  checked={ids.includes(a.id)}
                  onChange={(e) => setIds((now) => (e.target.checked ? [...now, a.id] : now.filter((x) => x !== a.id)))}
                />
                <span>{a.title}</span>
              </label>
            ))}
          </div>
        ) : (
          <p aria-busy={list.kind === 'loading'}>{list.kind === 'loading' ? t('loading') : errorText(list.error)}</p>
        )}
      </fieldset>
      <fieldset className="field">
        <legend>{t('exchange.export.protection')}</legend>
        {(['none', 'recipient', 'passphrase'] as const).map((kind) => (
          <label key={kind} className="choice-block">
            <input type="radio" name={`${id}-protection`} checked={protection === kind} onChange={() => setProtection(kind)} />
            <span>
              <strong>{t(`exchange.export.protections.${kind}`)}</strong>
              <span className="choice-hint">{t(`exchange.export.protectionHints.${kind}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {protection === 'recipient' && (
        <div className="field">
          <label htmlFor={`${id}-recipients`}>{t('exchange.export.recipients')}</label>
          <textarea id={`${id}-recipients`} rows={2} spellCheck={false} value={recipients} onChange={(e) => setRecipients(e.target.value)} aria-describedby={`${id}-recipients-hint`} />
          <p id={`${id}-recipients-hint`} className="field-hint">
            {t('exchange.export.recipientsHint')}
          </p>
          <label htmlFor={`${id}-recipient-file`} className="field-label">
            {t('exchange.export.recipientFile')}
          </label>
          <input
            id={`${id}-recipient-file`}
            type="file"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) void chosen.text().then((text) => setRecipients(text.slice(0, 20_000)));
            }}
          />
        </div>
      )}
      {protection === 'passphrase' && (
        <div className="field-row bundle-pass">
          <div className="field">
            <label htmlFor={`${id}-pass`}>{t('exchange.export.passphrase')}</label>
            <input id={`${id}-pass`} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-describedby={`${id}-pass-hint`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-again`}>{t('exchange.export.passphraseAgain')}</label>
            <input id={`${id}-again`} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
          </div>
          <p id={`${id}-pass-hint`} className="field-hint">
            {t('exchange.export.passphraseHint')}
          </p>
        </div>
      )}
      <label className="choice">
        <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
        {t('exportDialog.redact')}
      </label>
      <p role="status" className="export-status">
        {state.kind === 'working' && t('exchange.export.working')}
        {state.kind === 'done' && t('exportDialog.done', { file: state.file, verified: state.verified })}
      </p>
      {(state.kind === 'error' || state.kind === 'invalid') && (
        <p className="error-box" role="alert">
          {state.kind === 'error' ? errorText(state.error) : state.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={state.kind === 'working' || ids.length === 0}>
          {t('exchange.export.submit')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('exportDialog.close')}
        </button>
      </div>
    </form>
  );
}
