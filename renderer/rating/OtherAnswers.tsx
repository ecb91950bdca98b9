import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rating } from '../../core/model/assessment';
import type { Patch } from '../hooks/useAutosave';
import { useWorkspace } from '../workspace/context';

/** N/A (with its required reason), unknown, and clearing the rating. */
export function OtherAnswers({ rating, onChange }: { rating: Rating | undefined; onChange: (patch: Patch, immediately: boolean) => void }) {
  const { t } = useTranslation();
  const { readOnly, autosave } = useWorkspace();
  // N/A waits for its reason; the choice stays open until the rating changes some other way.
  const [pendingFrom, setPendingFrom] = useState<Rating | undefined | null>(null);
  const [reason, setReason] = useState(rating?.kind === 'notApplicable' ? rating.reason : '');
  const showReason = rating?.kind === 'notApplicable' || (pendingFrom !== null && pendingFrom === rating);
  const reasonMissing = showReason && reason.trim() === '';

  return (
    <>
      <div className="other-answers" role="group" aria-label={t('assess.otherAnswers')}>
        <button
          type="button"
          className="button"
          aria-pressed={showReason}
          disabled={readOnly}
          onClick={() => {
            if (reason.trim() !== '') onChange({ rating: { kind: 'notApplicable', reason: reason.trim() } }, true);
            else setPendingFrom(rating);
            setTimeout(() => document.getElementById('na-reason')?.focus(), 0);
          }}
        >
          {t('assess.notApplicable')}
        </button>
        <button type="button" className="button" aria-pressed={rating?.kind === 'unknown'} disabled={readOnly} onClick={() => onChange({ rating: { kind: 'unknown' } }, true)}>
          {t('assess.unknown')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={readOnly || (!rating && !showReason)}
          onClick={() => {
            setPendingFrom(null);
            setReason('');
            onChange({ rating: null, confidence: null }, true);
          }}
        >
          {t('assess.clear')}
        </button>
      </div>
      {showReason && (
        <div className="field">
          <label htmlFor="na-reason">{t('assess.notApplicableReason')}</label>
          <textarea
            id="na-reason"
            rows={2}
            value={reason}
            readOnly={readOnly}
            aria-invalid={reasonMissing}
            aria-describedby={reasonMissing ? 'na-reason-error' : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              if (event.target.value.trim() !== '') onChange({ rating: { kind: 'notApplicable', reason: event.target.value.trim() } }, false);
            }}
            onBlur={() => void autosave.flush()}
          />
          {reasonMissing && (
            <p id="na-reason-error" className="field-error">
              {t('assess.notApplicableReasonRequired')}
            </p>
          )}
        </div>
      )}
    </>
  );
}
