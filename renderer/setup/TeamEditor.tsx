import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../core/model/assessment';
import { useWorkspace } from '../workspace/context';

interface Row extends TeamMember {
  key: number;
}

let nextKey = 1;
const row = (member: TeamMember): Row => ({ ...member, key: nextKey++ });

/** Team members and roles. Rows without a name stay on screen but are not saved until named. */
export function TeamEditor() {
  const { t } = useTranslation();
  const { assessment, readOnly, editSetup, autosave } = useWorkspace();
  const [rows, setRows] = useState<Row[]>(() => (assessment.team.length > 0 ? assessment.team.map(row) : [row({ name: '', role: '' })]));

  const change = (next: Row[], immediately: boolean) => {
    setRows(next);
    const team = next.filter((r) => r.name.trim() !== '').map((r) => ({ name: r.name.trim(), role: r.role.trim() }));
    editSetup({ team }, immediately);
  };
  const set = (key: number, patch: Partial<TeamMember>) => change(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)), false);

  return (
    <fieldset className="field">
      <legend>{t('setup.team.heading')}</legend>
      <p className="field-hint" id="team-hint">
        {t('setup.team.hint')}
      </p>
      <datalist id="team-roles">
        {(['lead', 'assessor', 'legal', 'technical', 'interpreter', 'notes', 'counterpart'] as const).map((role) => (
          <option key={role} value={t(`setup.team.roles.${role}`)} />
        ))}
      </datalist>
      <ol className="team-list">
        {rows.map((r, i) => (
          <li key={r.key} className="team-row">
            <div className="field-inline">
              <label htmlFor={`member-${r.key}-name`}>{t('setup.team.name', { number: i + 1 })}</label>
              <input id={`member-${r.key}-name`} value={r.name} maxLength={200} disabled={readOnly} onChange={(e) => set(r.key, { name: e.target.value })} onBlur={() => void autosave.flush()} />
            </div>
            <div className="field-inline">
              <label htmlFor={`member-${r.key}-role`}>{t('setup.team.role', { number: i + 1 })}</label>
              <input id={`member-${r.key}-role`} value={r.role} maxLength={500} list="team-roles" disabled={readOnly} onChange={(e) => set(r.key, { role: e.target.value })} onBlur={() => void autosave.flush()} />
            </div>
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={readOnly}
              onClick={() => change(rows.filter((x) => x.key !== r.key), true)}
            >
              {t('setup.team.remove')}
              <span className="sr-only"> {r.name || t('setup.team.name', { number: i + 1 })}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        disabled={readOnly}
        onClick={() => {
          const added = row({ name: '', role: '' });
          setRows([...rows, added]);
          setTimeout(() => document.getElementById(`member-${added.key}-name`)?.focus(), 0);
        }}
      >
        + {t('setup.team.add')}
      </button>
    </fieldset>
  );
}
