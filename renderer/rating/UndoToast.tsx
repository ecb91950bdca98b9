import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/context';

/** What the last change did, with Undo (also Ctrl+Z outside text fields) and a way to dismiss it. */
export function UndoToast() {
  const { t } = useTranslation();
  const { undoOffer, offerUndo } = useWorkspace();
  return (
    <div className="undo-toast" role="status" hidden={!undoOffer}>
      {undoOffer && (
        <>
          <span className="undo-message" title={undoOffer.message}>
            {undoOffer.message}
          </span>
          <button
            type="button"
            className="button button-small button-primary"
            aria-keyshortcuts="Control+Z"
            onClick={() => {
              offerUndo(undefined);
              void undoOffer.undo();
            }}
          >
            {t('undo.button')}
          </button>
          <button type="button" className="button button-small button-quiet" aria-label={t('undo.dismiss')} onClick={() => offerUndo(undefined)}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
