import { useTranslation } from 'react-i18next';
import type { SaveState } from '../hooks/useAutosave';
import { useErrorText } from './ErrorMessage';

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (state.kind === 'error') {
    return (
      <div className="save-status save-error" role="alert">
        <span>{t('save.error', { message: errorText(state.error) })}</span>
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('save.retry')}
        </button>
      </div>
    );
  }
  return (
    <p className="save-status" role="status" data-state={state.kind}>
      {state.kind === 'saving' ? t('save.saving') : t('save.saved')}
    </p>
  );
}
