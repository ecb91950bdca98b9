import { useTranslation } from 'react-i18next';
import type { ProposedPlan } from '../../core/planning/types';
import { pickText } from '../../core/model/pick-text';
import { useWorkspace } from '../workspace/context';
import { fixed } from '../numbers';

/** Every factor of every priority, with where it came from (design §4). */
export function PriorityTable({ plan, caption }: { plan: ProposedPlan; caption: string }) {
  const { t, i18n } = useTranslation();
  const { framework } = useWorkspace();
  const capabilities = new Map(framework.domains.flatMap((d) => d.capabilities).map((c) => [c.id, c]));
  const ranked = plan.priorities.filter((p) => p.rank !== null);
  if (ranked.length === 0) return <p className="notice">{t('plan.noGaps')}</p>;
  // Every ranked capability is a row: a long table, folded so that the plan itself comes first.
  return (
    <details className="plan-priorities">
    <summary>{t('plan.withCount', { label: caption, count: ranked.length })}</summary>
    <div className="table-scroll">
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('plan.capability')}</th>
          <th scope="col">{t('results.gap')}</th>
          <th scope="col">{t('plan.importance')}</th>
          <th scope="col">{t('plan.feasibility')}</th>
          <th scope="col">{t('plan.priority')}</th>
        </tr>
      </thead>
      <tbody>
        {ranked.map((p) => (
          <tr key={p.capabilityId}>
            <td>{p.rank}</td>
            <th scope="row">{capabilities.get(p.capabilityId) ? pickText(capabilities.get(p.capabilityId)!.title, i18n.language) : p.capabilityId}</th>
            <td>{t('plan.gapValue', { gap: p.gap == null ? undefined : fixed(p.gap, 2), score: p.score == null ? undefined : fixed(p.score, 2), target: fixed(p.target, 1) })}</td>
            <td>
              {p.importance.value} <span className="muted">({t(`plan.source.${p.importance.source}`)})</span>
            </td>
            <td>
              {fixed(p.feasibility.value, 2)} <span className="muted">({t(`plan.source.${p.feasibility.source}`)})</span>
            </td>
            <td>
              <strong>{fixed(p.priority, 2)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
    </details>
  );
}
