import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { effortBands, phases, type EffortBand, type Phase } from '../../core/model/vocabulary';
import { pickText } from '../../core/model/pick-text';
import { useWorkspace } from '../workspace/context';

export interface ActionFields {
  capabilityId: string;
  title: string;
  owner: string;
  note: string;
  phase: Phase;
  effort?: EffortBand;
}

/** The team's own action, beside the catalogue's programmes. */
export function ActionForm({ disabled, onSave }: { disabled: boolean; onSave: (action: ActionFields) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { framework, assessment } = useWorkspace();
  const capabilities = framework.domains.flatMap((d) => d.capabilities);
  const [fields, setFields] = useState<ActionFields>({ capabilityId: capabilities[0]!.id, title: '', owner: '', note: '', phase: 'short' });
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<ActionFields>) => setFields((f) => ({ ...f, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (fields.title.trim() === '') return;
    await onSave({ ...fields, title: fields.title.trim() });
    setFields((f) => ({ ...f, title: '', owner: '', note: '' }));
    setTried(false);
  };
  const missingTitle = tried && fields.title.trim() === '';
  return (
    <form className="action-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="action-form-heading">
      <h3 id="action-form-heading">{t(`plan.voice.${assessment.mode}.addAction`)}</h3>
      <div className="field">
        <label htmlFor="action-capability">{t('plan.capability')}</label>
        <select id="action-capability" value={fields.capabilityId} onChange={(e) => set({ capabilityId: e.target.value })}>
          {capabilities.map((c) => (
            <option key={c.id} value={c.id}>
              {pickText(c.title, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="action-title">{t('plan.actionTitle')}</label>
        <input id="action-title" value={fields.title} maxLength={500} aria-invalid={missingTitle} aria-describedby={missingTitle ? 'action-title-error' : undefined} onChange={(e) => set({ title: e.target.value })} />
        {missingTitle && (
          <p id="action-title-error" className="field-error">
            {t('plan.actionTitleRequired')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="action-owner">{t('plan.actionOwner')}</label>
        <input id="action-owner" value={fields.owner} maxLength={500} onChange={(e) => set({ owner: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="action-note">{t('plan.actionNote')}</label>
        <textarea id="action-note" rows={2} value={fields.note} onChange={(e) => set({ note: e.target.value })} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="action-phase">{t('plan.phaseColumn')}</label>
          <select id="action-phase" value={fields.phase} onChange={(e) => set({ phase: e.target.value as Phase })}>
            {phases.map((p) => (
              <option key={p} value={p}>
                {t(`plan.phase.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="action-effort">{t('plan.effortColumn')}</label>
          <select id="action-effort" value={fields.effort ?? ''} onChange={(e) => set(e.target.value === '' ? { effort: undefined } : { effort: e.target.value as EffortBand })}>
            <option value="">{t('plan.effortNone')}</option>
            {effortBands.map((b) => (
              <option key={b} value={b}>
                {t(`plan.effort.${b}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="button" disabled={disabled}>
        {t('plan.saveAction')}
      </button>
    </form>
  );
}
