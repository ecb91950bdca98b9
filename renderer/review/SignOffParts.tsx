import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { ErrorMessage } from '../components/ErrorMessage';

/** Who signs off or reopens: required, named in the history. */
export function SignerField({ id, label, value, missing, autoFocus = false, onChange }: { id: string; label: string; value: string; missing: boolean; autoFocus?: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        maxLength={200}
        data-autofocus={autoFocus || undefined}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {missing && (
        <p id={`${id}-error`} className="field-error">
          {t('signOff.byRequired')}
        </p>
      )}
    </div>
  );
}

/** The failure, if any, then the confirming and the cancelling button. */
export function DialogActions({ failure, busy, confirm, onClose }: { failure: ApiError | undefined; busy: boolean; confirm: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {failure && <ErrorMessage error={failure} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {confirm}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('create.cancel')}
        </button>
      </div>
    </>
  );
}
