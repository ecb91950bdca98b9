import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { call } from '../api';
import { Modal } from '../components/Modal';
import { useWorkspace } from '../workspace/context';
import { DialogActions, SignerField } from './SignOffParts';

export function ReopenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('signOff.reopenTitle')} onClose={onClose}>
      <ReopenForm onClose={onClose} />
    </Modal>
  );
}

function ReopenForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { assessment, assessor, autosave, update } = useWorkspace();
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(assessor);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const reasonMissing = tried && reason.trim() === '';
  const byMissing = tried && by.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (reason.trim() === '') return document.getElementById('reopen-reason')?.focus();
    if (by.trim() === '') return document.getElementById('reopen-by')?.focus();
    setBusy(true);
    const result = await call('reopenAssessment', { id: assessment.id, reason: reason.trim(), by: by.trim() });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    update(() => result.data);
    onClose();
    // Anything refused while the assessment was final is still on screen: save it now, with the reason.
    void autosave.flush();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('signOff.reopenBody')}</p>
      <div className="field">
        <label htmlFor="reopen-reason">{t('signOff.reason')}</label>
        <textarea id="reopen-reason" rows={3} value={reason} maxLength={2000} data-autofocus aria-invalid={reasonMissing} aria-describedby={reasonMissing ? 'reopen-reason-hint reopen-reason-error' : 'reopen-reason-hint'} onChange={(e) => setReason(e.target.value)} />
        <p id="reopen-reason-hint" className="field-hint">
          {t('signOff.reasonHint')}
        </p>
        {reasonMissing && (
          <p id="reopen-reason-error" className="field-error">
            {t('signOff.reasonRequired')}
          </p>
        )}
      </div>
      <SignerField id="reopen-by" label={t('signOff.reopenBy')} value={by} missing={byMissing} onChange={setBy} />
      <DialogActions failure={failure} busy={busy} confirm={t('signOff.reopenConfirm')} onClose={onClose} />
    </form>
  );
}
