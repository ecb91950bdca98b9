import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportResult, BundleInspection } from '../../core/bundle/types';
import { countryName } from '../../core/model/countries';
import type { ApiError } from '../../core/api/result';
import { sendBundle } from '../api';
import { useErrorText } from '../components/ErrorMessage';
import { lastAssessor } from '../hooks/useAssessor';
import { href } from '../route';
import { fixed } from '../numbers';
import { BundlePicker } from './BundlePicker';
import { Fingerprint } from './Fingerprint';
import { clearPendingImport, maxBundleBytes, pendingImport, type BundleFile, type PendingFile } from './pending';
import './exchange.css';

interface Unlock {
  passphrase?: string;
  identities?: string[];
}

type State =
  | { kind: 'choose' }
  | { kind: 'checking'; file: BundleFile }
  | { kind: 'locked'; file: BundleFile; error: ApiError }
  | { kind: 'refused'; name: string; error: ApiError }
  | { kind: 'tooLarge'; name: string; size: number }
  | { kind: 'ready'; file: BundleFile; unlock: Unlock; inspection: BundleInspection; error?: ApiError }
  | { kind: 'importing'; file: BundleFile; unlock: Unlock; inspection: BundleInspection }
  | { kind: 'done'; name: string; result: BundleImportResult };

/** Why an encrypted file did not open, when a passphrase or identity would open it. */
const unlockReasons = new Set(['passphrase-needed', 'identity-needed', 'wrong-passphrase', 'not-a-recipient']);

function reasonOf(error: ApiError): string | undefined {
  const details = error.details;
  return typeof details === 'object' && details !== null && 'reason' in details && typeof details.reason === 'string' ? details.reason : undefined;
}

/**
 * A .ccat file is inspected first (every check the import makes, nothing written); the screen
 * shows who signed it and what importing would do, and imports only when the person says so.
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'choose' });

  const inspect = async (file: BundleFile, unlock: Unlock) => {
    setState({ kind: 'checking', file });
    const result = await sendBundle('inspectBundle', unlock, file.bytes);
    if (result.ok) setState({ kind: 'ready', file, unlock, inspection: result.data });
    else if (result.error.code === 'CANNOT_DECRYPT' && unlockReasons.has(reasonOf(result.error) ?? '')) setState({ kind: 'locked', file, error: result.error });
    else setState({ kind: 'refused', name: file.name, error: result.error });
  };

  const open = (file: PendingFile) => {
    if ('tooLarge' in file) setState({ kind: 'tooLarge', name: file.name, size: file.tooLarge });
    else void inspect(file, {});
  };

  const started = useRef(false);
  useEffect(() => {
    const file = pendingImport();
    // StrictMode runs effects twice in development; the file is inspected once.
    if (file && !started.current) open(file);
    started.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the file handed over when the screen opened
  }, []);

  const restart = () => {
    clearPendingImport();
    setState({ kind: 'choose' });
  };

  return (
    <div className="page exchange-page">
      <div className="page-head">
        <h1>{t('exchange.import.heading')}</h1>
      </div>
      {state.kind === 'choose' && (
        <section className="panel">
          <p>{t('exchange.import.intro')}</p>
          <BundlePicker onFile={open} />
        </section>
      )}
      {state.kind === 'checking' && (
        <p role="status" aria-busy="true">
          {t('exchange.import.checking', { file: state.file.name })}
        </p>
      )}
      {state.kind === 'locked' && <UnlockForm file={state.file} error={state.error} onUnlock={(unlock) => void inspect(state.file, unlock)} onCancel={restart} />}
      {state.kind === 'refused' && <Refusal name={state.name} reason={<ErrorText error={state.error} />} keyChanged={state.error.code === 'KEY_CHANGED'} onAgain={restart} />}
      {state.kind === 'tooLarge' && (
        <Refusal name={state.name} reason={t('exchange.import.tooLarge', { size: fixed(state.size / 1048576, 1), max: maxBundleBytes / 1048576 })} keyChanged={false} onAgain={restart} />
      )}
      {(state.kind === 'ready' || state.kind === 'importing') && (
        <Review
          state={state}
          onImport={async (choices) => {
            setState({ kind: 'importing', file: state.file, unlock: state.unlock, inspection: state.inspection });
            const by = lastAssessor().trim();
            const result = await sendBundle('importBundle', { ...state.unlock, ...choices, ...(by === '' ? {} : { by }) }, state.file.bytes);
            if (result.ok) {
              clearPendingImport();
              setState({ kind: 'done', name: state.file.name, result: result.data });
            } else if (result.error.code === 'DIVERGED' || result.error.code === 'UNTRUSTED_SIGNER') {
              // A choice is still the person's to make: keep the review on screen with the reason.
              setState({ kind: 'ready', file: state.file, unlock: state.unlock, inspection: state.inspection, error: result.error });
            } else {
              setState({ kind: 'refused', name: state.file.name, error: result.error });
            }
          }}
          onCancel={restart}
        />
      )}
      {state.kind === 'done' && <Done result={state.result} onAgain={restart} />}
    </div>
  );
}

function ErrorText({ error }: { error: ApiError }) {
  return useErrorText()(error);
}

function Refusal({ name, reason, keyChanged, onAgain }: { name: string; reason: ReactNode; keyChanged: boolean; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <section className={keyChanged ? 'danger-box' : 'error-box'} role="alert" aria-labelledby="refusal-title">
      <h2 id="refusal-title">{keyChanged ? t('exchange.import.keyChangedTitle') : t('exchange.import.refusedTitle', { file: name })}</h2>
      <p>{reason}</p>
      <p>
        <strong>{t('exchange.import.nothingChanged')}</strong>
      </p>
      <button type="button" className="button" onClick={onAgain}>
        {t('exchange.import.another')}
      </button>
    </section>
  );
}

function UnlockForm({ file, error, onUnlock, onCancel }: { file: BundleFile; error: ApiError; onUnlock: (unlock: Unlock) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [identities, setIdentities] = useState<string[]>([]);
  const [identityName, setIdentityName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUnlock({ ...(passphrase === '' ? {} : { passphrase }), ...(identities.length > 0 ? { identities } : {}) });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('exchange.unlock.heading', { file: file.name })}</h2>
      <p className="warning-box" role="alert">
        {errorText(error)}
      </p>
      <p>{t('exchange.unlock.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-passphrase`}>{t('exchange.unlock.passphrase')}</label>
        <input id={`${id}-passphrase`} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-identity`}>{t('exchange.unlock.identity')}</label>
        <input
          id={`${id}-identity`}
          type="file"
          aria-describedby={`${id}-identity-hint`}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (!chosen) return;
            void chosen.text().then((text) => {
              setIdentities(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.startsWith('AGE-SECRET-KEY-')));
              setIdentityName(chosen.name);
            });
          }}
        />
        <p id={`${id}-identity-hint`} className="field-hint">
          {identityName === '' ? t('exchange.unlock.identityHint') : t('exchange.unlock.identityLoaded', { file: identityName, count: identities.length })}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={passphrase === '' && identities.length === 0}>
          {t('exchange.unlock.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('exchange.import.cancel')}
        </button>
      </div>
    </form>
  );
}

function Review({
  state,
  onImport,
  onCancel,
}: {
  state: Extract<State, { kind: 'ready' | 'importing' }>;
  onImport: (choices: { trustNewSigner: boolean; keepDivergedAsCopy: boolean }) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { inspection } = state;
  const { signer } = inspection;
  const [confirmed, setConfirmed] = useState(false);
  const [keepCopy, setKeepCopy] = useState(false);
  const diverged = inspection.assessments.some((a) => a.relation === 'diverged');
  const needsTrust = signer.status === 'new';
  const allUnchanged = inspection.assessments.every((a) => a.relation === 'unchanged');
  const blocked = (needsTrust && !confirmed) || (diverged && !keepCopy);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <section className="panel" aria-labelledby="signer-title">
        <h2 id="signer-title">{t('exchange.signer.heading')}</h2>
        <dl className="signer-facts">
          <dt>{t('exchange.signer.installation')}</dt>
          <dd>
            {signer.installationName}
            {signer.knownAs !== undefined && signer.knownAs !== signer.installationName && <span className="muted"> ({t('exchange.signer.knownAs', { name: signer.knownAs })})</span>}{' '}
            <span className="badge">{t(`exchange.signer.status.${signer.status}`)}</span>
          </dd>
          <dt id="signer-fingerprint-label">{t('exchange.signer.fingerprint')}</dt>
          <dd aria-labelledby="signer-fingerprint-label">
            <Fingerprint value={signer.fingerprint} id="signer-fingerprint" />
          </dd>
          <dt>{t('exchange.signer.created')}</dt>
          <dd>{t('exchange.signer.createdBy', { at: dateFormat.format(new Date(inspection.createdAt)), by: inspection.createdBy })}</dd>
          <dt>{t('exchange.signer.checks')}</dt>
          <dd>{t('exchange.signer.checked', { count: inspection.entries.length })}{inspection.encrypted ? ` ${t('exchange.signer.wasEncrypted')}` : ''}{inspection.redacted ? ` ${t('exchange.signer.redacted')}` : ''}</dd>
        </dl>
        {needsTrust && (
          <div className="warning-box">
            <h3>{t('exchange.signer.newTitle')}</h3>
            <p>{t('exchange.signer.newHow')}</p>
            <label className="choice">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              {t('exchange.signer.confirm')}
            </label>
          </div>
        )}
        {signer.status === 'known' && <p className="success-box">{t('exchange.signer.knownNote')}</p>}
        {signer.status === 'self' && <p className="muted">{t('exchange.signer.selfNote')}</p>}
      </section>

      <section className="panel" aria-labelledby="contents-title">
        <h2 id="contents-title">{t('exchange.contents.heading', { count: inspection.assessments.length })}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('home.columns.title')}</th>
                <th scope="col">{t('home.columns.country')}</th>
                <th scope="col">{t('exchange.contents.revision')}</th>
                <th scope="col">{t('exchange.contents.attachments')}</th>
                <th scope="col">{t('exchange.contents.effect')}</th>
              </tr>
            </thead>
            <tbody>
              {inspection.assessments.map((a) => (
                <tr key={a.id}>
                  <td>{a.title}</td>
                  <td>{countryName(a.country, i18n.language)}</td>
                  <td>{a.revision}</td>
                  <td>{a.attachments}</td>
                  <td>
                    <strong>{t(`exchange.relation.${a.relation}`)}</strong>
                    <span className="choice-hint">{t(`exchange.relationHint.${a.relation}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {diverged && (
          <label className="choice-block">
            <input type="checkbox" checked={keepCopy} onChange={(e) => setKeepCopy(e.target.checked)} />
            <span>
              <strong>{t('exchange.contents.keepCopy')}</strong>
              <span className="choice-hint">{t('exchange.contents.keepCopyHint')}</span>
            </span>
          </label>
        )}
      </section>

      {state.kind === 'ready' && state.error && (
        <p className="error-box" role="alert">
          {errorText(state.error)}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={blocked || allUnchanged || state.kind === 'importing'}
          onClick={() => void onImport({ trustNewSigner: needsTrust && confirmed, keepDivergedAsCopy: diverged && keepCopy })}
        >
          {state.kind === 'importing' ? t('exchange.import.importing') : t('exchange.import.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('exchange.import.cancel')}
        </button>
      </div>
      {(blocked || allUnchanged) && <p className="field-hint">{allUnchanged ? t('exchange.import.nothingNew') : needsTrust && !confirmed ? t('exchange.import.confirmFirst') : t('exchange.import.chooseCopy')}</p>}
    </>
  );
}

function Done({ result, onAgain }: { result: BundleImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="success-box" role="status" aria-labelledby="done-title">
      <h2 id="done-title">{t('exchange.done.heading')}</h2>
      <ul>
        {result.assessments.map((a) => (
          <li key={a.storedAs}>
            <a href={href({ screen: 'assessment', id: a.storedAs, view: 'rate' })}>{a.title}</a> — {t(`exchange.outcome.${a.outcome}`)}
          </li>
        ))}
      </ul>
      {result.signerAdded && <p>{t('exchange.done.signerAdded', { name: result.signer.installationName })}</p>}
      <div className="actions">
        <a className="button button-primary" href={href({ screen: 'home' })}>
          {t('exchange.done.home')}
        </a>
        <button type="button" className="button" onClick={onAgain}>
          {t('exchange.import.another')}
        </button>
      </div>
    </section>
  );
}
