import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput } from '../../core/api/commands';
import type { ApiError } from '../../core/api/result';
import type { Catalogue } from '../../core/model/catalogue';
import { bulkDecisions, groupPlan, orderAfterMove, type PlanGrouping } from '../../core/planning/group';
import type { ProposedPlan, Recommendation } from '../../core/planning/types';
import type { Phase } from '../../core/model/vocabulary';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useWorkspace } from '../workspace/context';
import { ActionForm } from './ActionForm';
import { EffortSummary } from './EffortSummary';
import { PhaseSection } from './PhaseSection';
import { PriorityTable } from './PriorityTable';

type Change = CommandInput<'updatePlan'>['change'];
type Decision = 'accepted' | 'rejected' | null;

export interface PlanActions {
  /** Gives every catalogue match among `items` the decision, one saved plan edit per match. */
  decide: (items: readonly Recommendation[], decision: Decision) => void;
  move: (phase: Phase, index: number, delta: -1 | 1) => void;
  remove: (actionId: string) => void;
}

/**
 * The support plan, which the team accepts, rejects, reorders and extends. A phase is a
 * collapsible section of cards, one per programme (or per capability), so that a fully rated
 * assessment gives a few dozen cards rather than a hundred near-duplicates.
 */
export function PlanView() {
  const { t } = useTranslation();
  const { assessment, readOnly, assessor } = useWorkspace();
  const voice = assessment.mode;
  const [plan, setPlan] = useState<ProposedPlan | undefined>();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [saving, setSaving] = useState<{ done: number; total: number } | undefined>();
  const [grouping, setGrouping] = useState<PlanGrouping>('programme');
  const busy = saving !== undefined;

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

  /** Sends the edits one after another, each saved like a single edit; stops at the first refusal. */
  const apply = async (changes: readonly Change[]) => {
    if (changes.length === 0) return;
    setSaving({ done: 0, total: changes.length });
    for (const [index, next] of changes.entries()) {
      const result = await call('updatePlan', { id: assessment.id, change: next, ...(assessor ? { by: assessor } : {}) });
      if (!result.ok) {
        setError(result.error);
        // Changed in another window meanwhile: show the plan as it now is, so the user decides on that.
        if (result.error.code === 'CONFLICT') {
          const fresh = await call('getPlan', { id: assessment.id });
          if (fresh.ok) setPlan(fresh.data);
        }
        setSaving(undefined);
        return;
      }
      setPlan(result.data);
      setError(undefined);
      setSaving({ done: index + 1, total: changes.length });
    }
    setSaving(undefined);
  };

  const actions: PlanActions = {
    decide: (items, decision) => void apply(bulkDecisions(items, decision).map((d) => ({ kind: 'decide', ...d }))),
    move: (phase, index, delta) => {
      if (!plan) return;
      const ids = plan.recommendations.map((r) => r.id);
      void apply([{ kind: 'reorder', order: orderAfterMove(plan.recommendations, grouping, phase, index, delta), base: { order: ids } }]);
    },
    remove: (actionId) => void apply([{ kind: 'removeAction', actionId }]),
  };

  const phases = plan ? groupPlan(plan.recommendations, grouping) : [];
  const firstWithItems = phases.find((p) => p.count > 0)?.phase;

  return (
    <section className="panel plan" aria-labelledby="plan-heading" aria-busy={busy || plan === undefined}>
      <h2 id="plan-heading">{t(`plan.voice.${voice}.heading`)}</h2>
      <p className="muted">{t(`plan.voice.${voice}.method`)}</p>
      {error && <ErrorMessage error={error} />}
      {!plan && !error && <p>{t('loading')}</p>}
      {plan && (
        <>
          <PriorityTable plan={plan} caption={t(`plan.voice.${voice}.prioritiesCaption`)} />
          <EffortSummary plan={plan} />
          <div className="plan-toolbar">
            <h3>{t(`plan.voice.${voice}.recommendations`)}</h3>
            <fieldset className="segmented">
              <legend className="sr-only">{t('plan.viewLabel')}</legend>
              {(['programme', 'capability'] as const).map((g) => (
                <label key={g} className={grouping === g ? 'segment segment-on' : 'segment'}>
                  <input type="radio" name="plan-grouping" value={g} checked={grouping === g} onChange={() => setGrouping(g)} />
                  {t(`plan.view.${g}`)}
                </label>
              ))}
            </fieldset>
            <p className="plan-saving" role="status">
              {saving && t('plan.bulkSaving', saving)}
            </p>
          </div>
          {plan.recommendations.length === 0 && <p className="notice">{t(`plan.voice.${voice}.noRecommendations`)}</p>}
          {phases.map((phase) =>
            phase.count === 0 ? null : (
              <PhaseSection
                key={`${grouping}-${phase.phase}`}
                phase={phase}
                grouping={grouping}
                initiallyOpen={phase.phase === firstWithItems}
                plan={plan}
                catalogue={catalogue}
                disabled={readOnly || busy}
                actions={actions}
              />
            ),
          )}
          {!readOnly && <ActionForm disabled={busy} onSave={(action) => apply([{ kind: 'saveAction', ...action }])} />}
        </>
      )}
    </section>
  );
}
