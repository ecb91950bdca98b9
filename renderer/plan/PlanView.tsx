import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput } from '../../core/api/commands';
import type { ApiError } from '../../core/api/result';
import type { Catalogue } from '../../core/model/catalogue';
import type { ProposedPlan } from '../../core/planning/types';
import { phases } from '../../core/model/vocabulary';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useWorkspace } from '../workspace/context';
import { ActionForm } from './ActionForm';
import { EffortSummary } from './EffortSummary';
import { PriorityTable } from './PriorityTable';
import { RecommendationItem } from './RecommendationItem';

type Change = CommandInput<'updatePlan'>['change'];

/** The proposed support plan, which the team accepts, rejects, reorders and extends. */
export function PlanView() {
  const { t } = useTranslation();
  const { assessment, readOnly, assessor } = useWorkspace();
  const [plan, setPlan] = useState<ProposedPlan | undefined>();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  // Scores change as the team rates; the proposal follows them.
  useEffect(() => {
    let live = true;
    void Promise.all([call('getPlan', { id: assessment.id }), call('getCatalogue', {})]).then(([planResult, catalogueResult]) => {
      if (!live) return;
      if (planResult.ok) setPlan(planResult.data);
      else setError(planResult.error);
      if (catalogueResult.ok) setCatalogue(catalogueResult.data);
    });
    return () => {
      live = false;
    };
  }, [assessment.id, assessment.updatedAt]);

  const change = async (next: Change) => {
    setBusy(true);
    const result = await call('updatePlan', { id: assessment.id, change: next, ...(assessor ? { by: assessor } : {}) });
    setBusy(false);
    if (result.ok) {
      setPlan(result.data);
      setError(undefined);
      return;
    }
    setError(result.error);
    // Changed in another window meanwhile: show the plan as it now is, so the user decides on that.
    if (result.error.code === 'CONFLICT') {
      const fresh = await call('getPlan', { id: assessment.id });
      if (fresh.ok) setPlan(fresh.data);
    }
  };

  const ids = plan?.recommendations.map((r) => r.id) ?? [];
  const move = (index: number, by: -1 | 1) => {
    const order = [...ids];
    const [item] = order.splice(index, 1);
    order.splice(index + by, 0, item!);
    void change({ kind: 'reorder', order, base: { order: ids } });
  };

  return (
    <section className="panel plan" aria-labelledby="plan-heading" aria-busy={busy || plan === undefined}>
      <h2 id="plan-heading">{t('plan.heading')}</h2>
      <p className="muted">{t('plan.method')}</p>
      {error && <ErrorMessage error={error} />}
      {!plan && !error && <p>{t('loading')}</p>}
      {plan && (
        <>
          <PriorityTable plan={plan} />
          <EffortSummary plan={plan} />
          <h3>{t('plan.recommendations')}</h3>
          {plan.recommendations.length === 0 && <p className="notice">{t('plan.noRecommendations')}</p>}
          {phases.map((phase) => {
            const items = plan.recommendations.map((r, index) => ({ r, index })).filter(({ r }) => r.phase === phase);
            if (items.length === 0) return null;
            return (
              <section key={phase} aria-labelledby={`phase-${phase}`}>
                <h4 id={`phase-${phase}`}>{t(`plan.phase.${phase}`)}</h4>
                <ol className="recommendations">
                  {items.map(({ r, index }) => (
                    <RecommendationItem
                      key={r.id}
                      recommendation={r}
                      catalogue={catalogue}
                      disabled={readOnly || busy}
                      onDecide={(decision) => void change({ kind: 'decide', recommendationId: r.id, decision, base: { decision: r.decision === 'proposed' ? null : r.decision } })}
                      onMove={(by) => move(index, by)}
                      canMoveUp={index > 0}
                      canMoveDown={index < ids.length - 1}
                      onRemove={r.kind === 'custom' ? () => void change({ kind: 'removeAction', actionId: r.id }) : undefined}
                    />
                  ))}
                </ol>
              </section>
            );
          })}
          {!readOnly && <ActionForm disabled={busy} onSave={(action) => change({ kind: 'saveAction', ...action })} />}
        </>
      )}
    </section>
  );
}
