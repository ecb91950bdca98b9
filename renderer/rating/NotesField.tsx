import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/context';

/** Notes are kept in local state so that what was typed stays on screen whatever the save does. */
export function NotesField({ value, onChange, onBlur }: { value: string; onChange: (notes: string) => void; onBlur: () => void }) {
  const { t } = useTranslation();
  const { readOnly } = useWorkspace();
  const [notes, setNotes] = useState(value);
  return (
    <div className="field">
      <label htmlFor="notes">{t('assess.notes')}</label>
      <textarea
        id="notes"
        rows={5}
        value={notes}
        readOnly={readOnly}
        aria-describedby="notes-hint"
        onChange={(event) => {
          setNotes(event.target.value);
          onChange(event.target.value);
        }}
        onBlur={onBlur}
      />
      <p id="notes-hint" className="field-hint">
        {t('assess.notesHint')}
      </p>
    </div>
  );
}
