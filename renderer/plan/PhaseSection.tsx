import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../core/model/catalogue';
import type { PlanGrouping, PlanPhase } from '../../core/planning/group';
import type { ProposedPlan } from '../../core/planning/types';
import { useWorkspace } from '../workspace/context';
import { PlanCard } from './PlanCard';
import type { PlanActions } from './PlanView';

interface Props {
  phase: PlanPhase;
  grouping: PlanGrouping;
  initiallyOpen: boolean;
  plan: ProposedPlan;
  catalogue: Catalogue | null;
  disabled: boolean;
  actions: PlanActions;
}

/** One roadmap phase, collapsed to a line that says how much it holds and how much is decided. */
export function PhaseSection({ phase, grouping, initiallyOpen, plan, catalogue, disabled, actions }: Props) {
  const { t } = useTranslation();
  const { assessment } = useWorkspace();
  const voice = assessment.mode;
  const items = phase.groups.flatMap((g) => g.recommendations);
  const open = items.filter((r) => r.kind === 'programme' && r.decision === 'proposed');
  const count = (decision: string) => items.filter((r) => r.decision === decision).length;
  return (
    <details className="plan-phase" open={initiallyOpen} data-phase={phase.phase}>
      <summary>
        <span className="plan-phase-title">
          {t('plan.phaseSummary', {
            phase: t(`plan.phase.${phase.phase}`),
            cards: (['programme', 'capability', 'action'] as const)
              .map((kind) => ({ kind, count: phase.groups.filter((g) => g.kind === kind).length }))
              .filter(({ count }) => count > 0)
              .map(({ kind, count }) => t(`plan.cardCount.${kind}`, { count }))
              .join(t('plan.listSep')),
            items: t('plan.items', { count: phase.count }),
          })}
        </span>
        <span className="muted">{t('plan.sep')}{t(`plan.voice.${voice}.tally`, { accepted: count('accepted'), rejected: count('rejected'), proposed: count('proposed') })}</span>
      </summary>
      {open.length > 0 && (
        <p className="plan-phase-tools">
          <button type="button" className="button button-small" disabled={disabled} onClick={() => actions.decide(open, 'accepted')}>
            {t(`plan.voice.${voice}.acceptPhase`)} ({open.length})
          </button>
        </p>
      )}
      <ol className="plan-cards">
        {phase.groups.map((group, index) => (
          <PlanCard
            key={`${group.kind}:${group.id}`}
            group={group}
            grouping={grouping}
            plan={plan}
            catalogue={catalogue}
            disabled={disabled}
            canMoveUp={index > 0}
            canMoveDown={index < phase.groups.length - 1}
            onMove={(delta) => actions.move(phase.phase, index, delta)}
            actions={actions}
          />
        ))}
      </ol>
    </details>
  );
}
