import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal';

/** Every shortcut of the rating screen, as the `?` key and the "Keyboard shortcuts" button show it. */
export const ratingShortcuts = [
  { keys: ['1', '2', '3', '4', '5'], action: 'level' },
  { keys: ['N'], action: 'notApplicable' },
  { keys: ['U'], action: 'unknown' },
  { keys: ['L', 'M', 'H'], action: 'confidence' },
  { keys: ['F'], action: 'flag' },
  { keys: ['E'], action: 'notes' },
  { keys: ['Esc'], action: 'leaveNotes' },
  { keys: [']'], action: 'next' },
  { keys: ['['], action: 'previous' },
  { keys: ['Ctrl+Z'], action: 'undo' },
  { keys: ['?'], action: 'help' },
] as const;

// Memoised: the same from one indicator to the next.
export const ShortcutsHelp = memo(function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('shortcuts.heading')} onClose={onClose}>
      <p className="muted">{t('shortcuts.intro')}</p>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {ratingShortcuts.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcuts.actions.${shortcut.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Modal>
  );
});
