import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { InstallationKeyInfo, KnownSigner } from '../../core/bundle/types';
import { call, request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Modal } from '../components/Modal';
import { Fingerprint } from '../exchange/Fingerprint';
import { download } from '../export/download';
import { useLoad } from '../hooks/useLoad';
import { LanguagesSection } from './LanguagesSection';
import '../exchange/exchange.css';

/** This installation's signing identity and the installations whose .ccat files it accepts. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const key = useLoad(() => request('getInstallationKey', {}), 'key');
  const [changes, setChanges] = useState(0);
  const signers = useLoad(() => request('listSigners', {}), `signers-${changes}`);

  return (
    <div className="page exchange-page">
      <div className="page-head">
        <h1>{t('settings.heading')}</h1>
      </div>
      <section className="panel" aria-labelledby="installation-title">
        <h2 id="installation-title">{t('settings.installation.heading')}</h2>
        <p className="muted">{t('settings.installation.intro')}</p>
        {key.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
        {key.kind === 'error' && <ErrorMessage error={key.error} />}
        {key.kind === 'ready' && <Installation initial={key.data} />}
      </section>
      <section className="panel" aria-labelledby="signers-title">
        <h2 id="signers-title">{t('settings.signers.heading')}</h2>
        <p className="muted">{t('settings.signers.intro')}</p>
        {signers.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
        {signers.kind === 'error' && <ErrorMessage error={signers.error} />}
        {signers.kind === 'ready' && signers.data.length === 0 && <p>{t('settings.signers.none')}</p>}
        {signers.kind === 'ready' && signers.data.length > 0 && (
          <ul className="signer-list">
            {signers.data.map((signer) => (
              <SignerItem key={signer.fingerprint} signer={signer} onChanged={() => setChanges((n) => n + 1)} />
            ))}
          </ul>
        )}
      </section>
      <LanguagesSection />
    </div>
  );
}

function Installation({ initial }: { initial: InstallationKeyInfo }) {
  const { t } = useTranslation();
  const id = useId();
  const [info, setInfo] = useState(initial);
  const [name, setName] = useState(info.name);
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const result = await call('renameInstallation', { name });
    if (result.ok) {
      setError(undefined);
      setSaved(true);
      setInfo(result.data);
    } else setError(result.error);
  };
  return (
    <>
      <form className="inline-form" onSubmit={(event) => void rename(event)}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('settings.installation.name')}</label>
          <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => { setName(e.target.value); setSaved(false); }} aria-describedby={`${id}-name-hint`} />
        </div>
        <button type="submit" className="button" disabled={name.trim() === '' || name === info.name}>
          {t('settings.installation.rename')}
        </button>
      </form>
      <p id={`${id}-name-hint`} className="field-hint" role="status">
        {saved ? t('settings.installation.renamed') : t('settings.installation.nameHint')}
      </p>
      {error && <ErrorMessage error={error} />}
      <p className="field-label" id={`${id}-fp`}>{t('settings.installation.fingerprint')}</p>
      <div aria-labelledby={`${id}-fp`} role="group">
        <Fingerprint value={info.fingerprint} id="own-fingerprint" />
      </div>
      <p className="field-hint">{t('settings.installation.fingerprintHint')}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => download({ fileName: `${info.name.replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'ccat'}.pub`, mediaType: 'text/plain', encoding: 'utf8', content: info.publicKeyFile, verified: '' })}
        >
          {t('settings.installation.exportKey')}
        </button>
      </div>
      <p className="field-hint">{t('settings.installation.exportKeyHint')}</p>
    </>
  );
}

function SignerItem({ signer, onChanged }: { signer: KnownSigner; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [name, setName] = useState(signer.name);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const result = await call('renameSigner', { fingerprint: signer.fingerprint, name });
    if (result.ok) onChanged();
    else setError(result.error);
  };
  const remove = async () => {
    const result = await call('removeSigner', { fingerprint: signer.fingerprint });
    setConfirming(false);
    if (result.ok) onChanged();
    else setError(result.error);
  };
  return (
    <li aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{signer.name}</h3>
      <p className="muted">
        {t('settings.signers.facts', { installation: signer.installationName, first: dateFormat.format(new Date(signer.firstSeen)), last: dateFormat.format(new Date(signer.lastSeen)) })}
      </p>
      <Fingerprint value={signer.fingerprint} />
      <form className="inline-form" onSubmit={(event) => void rename(event)}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('settings.signers.name')}</label>
          <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={name.trim() === '' || name === signer.name}>
          {t('settings.signers.rename')}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('settings.signers.remove')}
          <span className="sr-only"> — {signer.name}</span>
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
      <Modal open={confirming} title={t('settings.signers.removeTitle', { name: signer.name })} onClose={() => setConfirming(false)}>
        <p>{t('settings.signers.removeBody')}</p>
        <div className="actions">
          <button type="button" className="button button-danger" data-autofocus onClick={() => void remove()}>
            {t('settings.signers.removeConfirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('settings.signers.keep')}
          </button>
        </div>
      </Modal>
    </li>
  );
}
