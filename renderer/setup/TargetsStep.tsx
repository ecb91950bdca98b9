import { useTranslation } from 'react-i18next';
import { pickText } from '../../core/model/pick-text';
import { targetFor } from '../../core/scoring/scores';
import { levelLabel } from '../format';
import { useWorkspace } from '../workspace/context';

/** Target level per capability: prefilled from the framework; only the team's changes are stored. */
export function TargetsStep() {
  const { t, i18n } = useTranslation();
  const { assessment, framework, readOnly, editSetup } = useWorkspace();
  const levels = framework.levels.map((l) => l.level);
  const changed = Object.keys(assessment.targets).length;

  const set = (capabilityId: string, defaultTarget: number, value: number) => {
    const rest = Object.fromEntries(Object.entries(assessment.targets).filter(([id]) => id !== capabilityId));
    editSetup({ targets: value === defaultTarget ? rest : { ...rest, [capabilityId]: value } }, true);
  };

  return (
    <>
      <p className="field-hint">{t('setup.targets.changed', { count: changed })}</p>
      {framework.domains.map((domain, d) => (
        <table key={domain.id} className="data-table targets-table">
          <caption>
            {d + 1}. {pickText(domain.title, i18n.language)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('setup.targets.capability')}</th>
              <th scope="col">{t('setup.targets.default')}</th>
              <th scope="col">{t('setup.targets.target')}</th>
            </tr>
          </thead>
          <tbody>
            {domain.capabilities.map((capability, c) => {
              const value = targetFor(capability, assessment);
              const id = `target-${capability.id}`;
              return (
                <tr key={capability.id} className={value !== capability.defaultTarget ? 'row-changed' : undefined}>
                  <th scope="row">
                    <label htmlFor={id}>
                      {d + 1}.{c + 1} {pickText(capability.title, i18n.language)}
                    </label>
                  </th>
                  <td>{levelLabel(framework, capability.defaultTarget, i18n.language)}</td>
                  <td>
                    <select id={id} value={value} disabled={readOnly} onChange={(e) => set(capability.id, capability.defaultTarget, Number(e.target.value))}>
                      {levels.map((level) => (
                        <option key={level} value={level}>
                          {levelLabel(framework, level, i18n.language)}
                        </option>
                      ))}
                    </select>
                    {value !== capability.defaultTarget && <span className="badge">{t('setup.targets.changedBadge')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </>
  );
}
