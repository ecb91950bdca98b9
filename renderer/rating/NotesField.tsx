import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/context';

/** Shows the workspace's copy, which takes every keystroke at once and keeps it whatever the save does. */
export function NotesField({ value, onChange, onBlur }: { value: string; onChange: (notes: string) => void; onBlur: () => void }) {
  const { t } = useTranslation();
  const { readOnly } = useWorkspace();
  return (
    <div className="field">
      <label htmlFor="notes">{t('assess.notes')}</label>
      <textarea
        id="notes"
        rows={5}
        value={value}
        readOnly={readOnly}
        aria-describedby="notes-hint"
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      <p id="notes-hint" className="field-hint">
        {t('assess.notesHint')}
      </p>
    </div>
  );
}
