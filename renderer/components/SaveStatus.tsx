import { useTranslation } from 'react-i18next';
import type { SaveState } from '../hooks/useAutosave';
import { useErrorText } from './ErrorMessage';

function fileOf(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null || !('file' in details)) return undefined;
  const file = (details as { file: unknown }).file;
  return typeof file === 'string' ? file : undefined;
}

/** "All changes saved", "Saving…", or an alert that says what failed and that the text is kept. */
export function SaveStatus({ state, conflicts, onRetry }: { state: SaveState; conflicts: number; onRetry: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (state.kind === 'error') {
    const file = fileOf(state.error.details);
    return (
      <div className="save-status save-error" role="alert">
        <span>{t('save.error', { message: errorText(state.error) })}</span>
        {file && <span className="save-file">{t('save.file', { file })}</span>}
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('save.retry')}
        </button>
      </div>
    );
  }
  if (conflicts > 0) {
    return (
      <p className="save-status save-conflict" role="status" data-state="conflict">
        {t('save.conflict')}
      </p>
    );
  }
  return (
    <p className="save-status" role="status" data-state={state.kind}>
      {state.kind === 'saving' ? t('save.saving') : t('save.saved')}
    </p>
  );
}
