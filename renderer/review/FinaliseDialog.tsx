import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { Review } from '../../core/review/review';
import { call } from '../api';
import { Modal } from '../components/Modal';
import { useWorkspace } from '../workspace/context';
import { DialogActions, SignerField } from './SignOffParts';

export function FinaliseDialog({ open, review, onClose }: { open: boolean; review: Review; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('signOff.finaliseTitle')} onClose={onClose}>
      <FinaliseForm review={review} onClose={onClose} />
    </Modal>
  );
}

function FinaliseForm({ review, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useTranslation();
  const { assessment, assessor, autosave, update } = useWorkspace();
  const [by, setBy] = useState(assessor);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const missing = tried && by.trim() === '';
  const open = [
    review.unanswered.length > 0 && t('signOff.openUnanswered', { count: review.unanswered.length }),
    review.flagged.length > 0 && t('signOff.openFlagged', { count: review.flagged.length }),
    review.highWithoutEvidence.length > 0 && t('signOff.openEvidence', { count: review.highWithoutEvidence.length }),
  ].filter((x): x is string => Boolean(x));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (by.trim() === '') return document.getElementById('finalise-by')?.focus();
    setBusy(true);
    await autosave.flush();
    const result = await call('finalizeAssessment', { id: assessment.id, by: by.trim() });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    update(() => result.data);
    onClose();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('signOff.finaliseBody')}</p>
      {open.length > 0 && (
        <div className="notice">
          <p>{t('signOff.stillOpen')}</p>
          <ul>
            {open.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <SignerField id="finalise-by" label={t('signOff.by')} value={by} missing={missing} autoFocus onChange={setBy} />
      <DialogActions failure={failure} busy={busy} confirm={t('signOff.finaliseConfirm')} onClose={onClose} />
    </form>
  );
}
