import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Rating } from '../../core/model/assessment';
import type { Patch } from '../hooks/useAutosave';
import { useWorkspace } from '../workspace/context';
import { useStateFor } from './useStateFor';

export interface NotApplicableState {
  rating: Rating | undefined;
  reason: string;
  setReason: (reason: string) => void;
  /** The reason field shows: the rating is N/A, or N/A was chosen and waits for its reason. */
  showReason: boolean;
  choose: () => void;
  clear: () => void;
}

/** N/A waits for its reason; the choice stays open until the rating changes some other way or another indicator is shown. */
export function useNotApplicable(indicatorId: string, rating: Rating | undefined, onChange: (patch: Patch, immediately: boolean) => void): NotApplicableState {
  const [pendingFrom, setPendingFrom] = useStateFor<Rating | undefined | null>(indicatorId, null);
  const [reason, setReason] = useStateFor(indicatorId, rating?.kind === 'notApplicable' ? rating.reason : '');
  return {
    rating,
    reason,
    setReason,
    showReason: rating?.kind === 'notApplicable' || (pendingFrom !== null && pendingFrom === rating),
    choose: () => {
      // The field renders before the next key press, so that what is typed at once lands in it, not on the shortcuts.
      flushSync(() => {
        if (reason.trim() !== '') onChange({ rating: { kind: 'notApplicable', reason: reason.trim() } }, true);
        else setPendingFrom(rating);
      });
      document.getElementById('na-reason')?.focus();
    },
    clear: () => {
      setPendingFrom(null);
      setReason('');
    },
  };
}

/** N/A, unknown, and clearing the rating: buttons in the rating bar. */
export function OtherAnswers({ na, onChange }: { na: NotApplicableState; onChange: (patch: Patch, immediately: boolean) => void }) {
  const { t } = useTranslation();
  const { readOnly } = useWorkspace();
  const { rating } = na;
  return (
    <div className="other-answers" role="group" aria-label={t('assess.otherAnswers')}>
      <button type="button" id="answer-na" className="button button-small" aria-pressed={na.showReason} aria-keyshortcuts="N" disabled={readOnly} onClick={na.choose}>
        {t('assess.notApplicable')} <kbd aria-hidden="true">N</kbd>
      </button>
      <button type="button" className="button button-small" aria-pressed={rating?.kind === 'unknown'} aria-keyshortcuts="U" disabled={readOnly} onClick={() => onChange({ rating: { kind: 'unknown' } }, true)}>
        {t('assess.unknown')} <kbd aria-hidden="true">U</kbd>
      </button>
      <button
        type="button"
        className="button button-small button-quiet"
        disabled={readOnly || (!rating && !na.showReason)}
        onClick={() => {
          na.clear();
          onChange({ rating: null, confidence: null }, true);
        }}
      >
        {t('assess.clear')}
      </button>
    </div>
  );
}

/** The reason an N/A needs, below the rating bar while N/A is chosen. */
export function NotApplicableReason({ na, onChange }: { na: NotApplicableState; onChange: (patch: Patch, immediately: boolean) => void }) {
  const { t } = useTranslation();
  const { readOnly, autosave } = useWorkspace();
  if (!na.showReason) return null;
  const missing = na.reason.trim() === '';
  return (
    <div className="field na-reason">
      <label htmlFor="na-reason">{t('assess.notApplicableReason')}</label>
      <textarea
        id="na-reason"
        rows={2}
        value={na.reason}
        readOnly={readOnly}
        aria-invalid={missing}
        aria-describedby={missing ? 'na-reason-error' : undefined}
        onChange={(event) => {
          na.setReason(event.target.value);
          if (event.target.value.trim() !== '') onChange({ rating: { kind: 'notApplicable', reason: event.target.value.trim() } }, false);
        }}
        onBlur={() => void autosave.flush()}
        // As in the notes: Escape gives the keys back to the shortcuts.
        onKeyDown={(event) => {
          if (event.key === 'Escape') document.getElementById('indicator-question')?.focus();
        }}
      />
      {missing && (
        <p id="na-reason-error" className="field-error">
          {t('assess.notApplicableReasonRequired')}
        </p>
      )}
    </div>
  );
}
