import { useTranslation } from 'react-i18next';
import type { IndicatorResponse } from '../../core/model/assessment';
import type { Patch } from '../hooks/useAutosave';
import { useWorkspace } from '../workspace/context';
import { ConfidenceField } from './ConfidenceField';
import { OtherAnswers, type NotApplicableState } from './OtherAnswers';
import { UndoToast } from './UndoToast';
import { Arrow } from '../components/Arrow';

interface Props {
  response: IndicatorResponse | undefined;
  na: NotApplicableState;
  previous: string | undefined;
  next: string | undefined;
  onChange: (patch: Patch, immediately: boolean) => void;
  onHelp: () => void;
}

/**
 * Everything after the level, kept in view at the bottom of the window while the page scrolls:
 * next/previous first (two Tabs from the chosen level), then N/A, unknown, confidence and flag.
 */
export function RatingBar({ response, na, previous, next, onChange, onHelp }: Props) {
  const { t } = useTranslation();
  const { readOnly } = useWorkspace();
  return (
    <div className="rating-bar">
      <nav className="rating-pager" aria-label={t('assess.pager')}>
        {previous && (
          <a className="button button-small" href={previous} aria-keyshortcuts="[">
            <Arrow to="back" /> {t('assess.previous')}
          </a>
        )}
        {next && (
          <a className="button button-small button-primary" href={next} aria-keyshortcuts="]">
            {t('assess.next')} <Arrow to="forward" />
          </a>
        )}
      </nav>
      <OtherAnswers na={na} onChange={onChange} />
      {response?.rating?.kind === 'level' && <ConfidenceField value={response.confidence} onChange={(confidence) => onChange({ confidence }, true)} />}
      <label className="choice flag">
        <input type="checkbox" checked={response?.flagged ?? false} disabled={readOnly} aria-keyshortcuts="F" onChange={(event) => onChange({ flagged: event.target.checked }, true)} />
        {t('assess.flag')} <kbd aria-hidden="true">F</kbd>
      </label>
      <UndoToast />
      <button type="button" className="button button-small button-quiet shortcuts-button" aria-keyshortcuts="?" onClick={onHelp}>
        {t('shortcuts.open')} <kbd aria-hidden="true">?</kbd>
      </button>
    </div>
  );
}
