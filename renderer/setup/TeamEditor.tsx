import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../core/model/assessment';
import { useWorkspace } from '../workspace/context';

interface Row extends TeamMember {
  key: number;
}

// Above any row number the autosave gives the members loaded with the assessment.
let nextKey = 1_000_000;
const blankRow = (): Row => ({ name: '', role: '', key: nextKey++ });

/**
 * Team members and roles, saved one member at a time, so a member added or changed in another
 * window stays. Rows without a name stay on screen but are not saved until named.
 */
export function TeamEditor() {
  const { t } = useTranslation();
  const { readOnly, autosave } = useWorkspace();
  const [rows, setRows] = useState<Row[]>(() => {
    const known = autosave.teamRows().map(({ row, member }) => ({ ...member, key: row }));
    return known.length > 0 ? known : [blankRow()];
  });

  const set = (key: number, patch: Partial<TeamMember>) => {
    const next = rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
    setRows(next);
    const changed = next.find((r) => r.key === key)!;
    if (changed.name.trim() !== '') autosave.queue({ kind: 'member', row: key, member: { name: changed.name.trim(), role: changed.role.trim() } });
  };
  const remove = (key: number) => {
    setRows(rows.filter((x) => x.key !== key));
    autosave.queue({ kind: 'member', row: key, member: null }, true);
  };

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
              onClick={() => remove(r.key)}
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
          const added = blankRow();
          setRows([...rows, added]);
          setTimeout(() => document.getElementById(`member-${added.key}-name`)?.focus(), 0);
        }}
      >
        + {t('setup.team.add')}
      </button>
    </fieldset>
  );
}
