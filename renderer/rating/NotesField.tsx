import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/context';

/** Shows the workspace's copy, which takes every keystroke at once and keeps it whatever the save does. */
export function NotesField({ value, onChange, onBlur, onLeave }: { value: string; onChange: (notes: string) => void; onBlur: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  const { readOnly } = useWorkspace();
  return (
    <div className="field notes-field">
      <label htmlFor="notes">{t('assess.notes')}</label>
      <textarea
        id="notes"
        rows={3}
        value={value}
        readOnly={readOnly}
        aria-describedby="notes-hint"
        aria-keyshortcuts="E"
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        // Escape hands the keys back to the shortcuts (1–5, N, ]…) without reaching for the mouse.
        onKeyDown={(event) => {
          if (event.key === 'Escape') onLeave();
        }}
      />
      <p id="notes-hint" className="field-hint">
        {t('assess.notesHint')}
      </p>
    </div>
  );
}
