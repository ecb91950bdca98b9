import { useTranslation } from 'react-i18next';
import type { ProposedPlan } from '../../core/planning/types';
import { effortBands, phases } from '../../core/model/vocabulary';

/** Effort bands summed per phase, for recommendations that are not rejected. */
export function EffortSummary({ plan }: { plan: ProposedPlan }) {
  const { t } = useTranslation();
  return (
    <table className="data-table effort-summary">
      <caption>{t('plan.effortCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plan.phaseColumn')}</th>
          {effortBands.map((band) => (
            <th key={band} scope="col">
              {t(`plan.effort.${band}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {phases.map((phase) => (
          <tr key={phase}>
            <th scope="row">{t(`plan.phase.${phase}`)}</th>
            {effortBands.map((band) => (
              <td key={band}>{plan.effortByPhase[phase][band]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
