import { useTranslation } from 'react-i18next';
import { stakeholderClusters as clusters } from '../../core/model/vocabulary';
import type { SessionFields } from '../hooks/useAutosave';
import { DateField } from '../components/DateField';

export function SessionFieldset({ fields, onChange, showErrors, disabled }: { fields: SessionFields; onChange: (fields: SessionFields) => void; showErrors: boolean; disabled: boolean }) {
  const { t } = useTranslation();
  const set = (patch: Partial<SessionFields>) => onChange({ ...fields, ...patch });
  const titleError = showErrors && fields.title.trim() === '';
  const dateError = showErrors && !/^\d{4}-\d{2}-\d{2}$/.test(fields.date);
  return (
    <>
      <div className="field">
        <label htmlFor="session-title">{t('sessions.titleLabel')}</label>
        <input id="session-title" value={fields.title} maxLength={500} disabled={disabled} aria-invalid={titleError} aria-describedby={titleError ? 'session-title-hint session-title-error' : 'session-title-hint'} onChange={(e) => set({ title: e.target.value })} />
        <p id="session-title-hint" className="field-hint">
          {t('sessions.titleHint')}
        </p>
        {titleError && (
          <p id="session-title-error" className="field-error">
            {t('sessions.titleRequired')}
          </p>
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="session-date">{t('sessions.date')}</label>
          <DateField id="session-date" value={fields.date} disabled={disabled} invalid={dateError} describedBy={dateError ? 'session-date-error' : undefined} onChange={(date) => set({ date })} />
          {dateError && (
            <p id="session-date-error" className="field-error">
              {t('sessions.dateRequired')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="session-cluster">{t('sessions.cluster')}</label>
          <select id="session-cluster" value={fields.cluster} disabled={disabled} onChange={(e) => set({ cluster: e.target.value as SessionFields['cluster'] })}>
            {clusters.map((c) => (
              <option key={c} value={c}>
                {t(`clusters.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="session-participants">{t('sessions.participants')}</label>
          <input
            id="session-participants"
            type="number"
            min={0}
            max={10000}
            inputMode="numeric"
            value={fields.participants}
            disabled={disabled}
            onChange={(e) => set({ participants: Math.max(0, Math.min(10_000, Math.trunc(Number(e.target.value) || 0))) })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="session-organisations">{t('sessions.organisations')}</label>
        <input id="session-organisations" value={fields.organisations} maxLength={500} disabled={disabled} aria-describedby="session-organisations-hint" onChange={(e) => set({ organisations: e.target.value })} />
        <p id="session-organisations-hint" className="field-hint">
          {t('sessions.organisationsHint')}
        </p>
      </div>
      <label className="choice">
        <input type="checkbox" checked={fields.nonAttributable} disabled={disabled} aria-describedby="session-na-hint" onChange={(e) => set({ nonAttributable: e.target.checked })} />
        {t('sessions.nonAttributable')}
      </label>
      <p id="session-na-hint" className="field-hint">
        {t('sessions.nonAttributableHint')}
      </p>
      <div className="field">
        <label htmlFor="session-notes">{t('sessions.notes')}</label>
        <textarea id="session-notes" rows={5} value={fields.notes} maxLength={50_000} readOnly={disabled} onChange={(e) => set({ notes: e.target.value })} />
      </div>
    </>
  );
}
