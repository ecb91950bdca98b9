import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../core/model/catalogue';
import { pickText } from '../../core/model/pick-text';
import type { PlanGroup, PlanGrouping } from '../../core/planning/group';
import type { ProposedPlan, Recommendation } from '../../core/planning/types';
import { useWorkspace } from '../workspace/context';
import type { PlanActions } from './PlanView';
import { fixed } from '../numbers';

interface Props {
  group: PlanGroup;
  grouping: PlanGrouping;
  plan: ProposedPlan;
  catalogue: Catalogue | null;
  disabled: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (delta: -1 | 1) => void;
  actions: PlanActions;
}

/** Where a capability sits in the framework ("2.3") and its name, for compact listing. */
function useCapabilityNames() {
  const { i18n } = useTranslation();
  const { framework } = useWorkspace();
  const names = new Map<string, { number: string; title: string; domain: number }>();
  framework.domains.forEach((d, di) => d.capabilities.forEach((c, ci) => names.set(c.id, { number: `${di + 1}.${ci + 1}`, title: pickText(c.title, i18n.language), domain: di + 1 })));
  return (id: string) => names.get(id) ?? { number: '', title: id, domain: 0 };
}

function cardState(items: readonly Recommendation[]): string {
  if (items.every((r) => r.decision === 'accepted')) return 'accepted';
  if (items.every((r) => r.decision === 'rejected')) return 'rejected';
  return items.some((r) => r.decision !== 'proposed') ? 'mixed' : 'proposed';
}

/**
 * One card of a phase: a programme with every capability it serves, a capability with every
 * programme and own action for it, or one own action. Whole-card decisions go through the same
 * per-match plan edits as single ones.
 */
export function PlanCard({ group, grouping, plan, catalogue, disabled, canMoveUp, canMoveDown, onMove, actions }: Props) {
  const { t, i18n } = useTranslation();
  const { assessment } = useWorkspace();
  const voice = assessment.mode;
  const capability = useCapabilityNames();
  const items = group.recommendations;
  const programmeOf = (r: Recommendation) => catalogue?.programmes.find((p) => p.id === r.programmeId);
  const itemTitle = (r: Recommendation) => {
    if (r.kind === 'custom') return r.title ?? '';
    const programme = programmeOf(r);
    return programme ? pickText(programme.name, i18n.language) : (r.programmeId ?? r.id);
  };

  const first = items[0]!;
  const programme = group.kind === 'programme' ? programmeOf(first) : undefined;
  const title =
    group.kind === 'capability'
      ? t('plan.capabilityCard', { number: capability(group.id).number, title: capability(group.id).title })
      : itemTitle(first);
  const decidable = items.filter((r) => r.kind === 'programme');
  const count = (decision: Recommendation['decision']) => items.filter((r) => r.decision === decision).length;
  const priority = plan.priorities.find((p) => p.capabilityId === group.id);

  const meta: string[] = [];
  if (group.kind === 'action') {
    const { number, title: name } = capability(first.capabilityId);
    meta.push(t('plan.ownAction'), `${number} ${name}`);
    if (first.effort) meta.push(t(`plan.effort.${first.effort}`));
    if (first.owner) meta.push(t('plan.owner', { owner: first.owner }));
  } else {
    if (group.kind === 'programme' && first.effort) meta.push(t(`plan.effort.${first.effort}`));
    if (group.kind === 'programme') meta.push(t('plan.serves', { count: items.length }));
    if (group.kind === 'capability' && priority?.gap != null) meta.push(t('plan.gapPriority', { gap: fixed(priority.gap, 2), priority: fixed(priority.priority, 2) }));
    meta.push(t(`plan.voice.${voice}.tally`, { accepted: count('accepted'), rejected: count('rejected'), proposed: count('proposed') }));
  }

  const overlaps = [...new Map(items.flatMap((r) => (r.donorOverlap ? [[capability(r.capabilityId).domain, r.donorOverlap] as const] : []))).entries()].sort((a, b) => a[0] - b[0]);

  const decisionButtons = (r: Recommendation) => (
    <span className="decision-buttons" role="group" aria-label={t('plan.actionsFor', { title: grouping === 'programme' ? capability(r.capabilityId).title : itemTitle(r) })}>
      <button type="button" className="button button-small" aria-pressed={r.decision === 'accepted'} disabled={disabled} onClick={() => actions.decide([r], r.decision === 'accepted' ? null : 'accepted')}>
        {t(`plan.voice.${voice}.accept`)}
      </button>
      <button type="button" className="button button-small" aria-pressed={r.decision === 'rejected'} disabled={disabled} onClick={() => actions.decide([r], r.decision === 'rejected' ? null : 'rejected')}>
        {t(`plan.voice.${voice}.reject`)}
      </button>
    </span>
  );

  return (
    <li className={`plan-card plan-card-${group.kind} state-${cardState(items)}`} data-card={group.id}>
      <div className="plan-card-head">
        <p className="plan-card-title">
          <strong>{title}</strong>
          {programme && <span className="muted"> — {pickText(programme.provider, i18n.language)}</span>}
        </p>
        <span className="plan-card-move">
          <button type="button" className="button button-small" disabled={disabled || !canMoveUp} onClick={() => onMove(-1)} aria-label={t('plan.moveCardUp', { title })}>
            ↑
          </button>
          <button type="button" className="button button-small" disabled={disabled || !canMoveDown} onClick={() => onMove(1)} aria-label={t('plan.moveCardDown', { title })}>
            ↓
          </button>
        </span>
      </div>
      <p className="plan-card-meta muted">{meta.join(t('plan.sep'))}</p>
      {overlaps.length > 0 && (
        <p className="overlap">
          {t(`plan.voice.${voice}.overlap`, {
            list: overlaps.map(([domain, o]) => t('plan.overlapItem', { domain, who: o.who || t('plan.overlapUnnamed'), extent: t(`plan.extent.${String(o.extent) as '0' | '1' | '2' | '3'}`) })).join('; '),
          })}
        </p>
      )}
      {group.kind === 'action' && first.note && <p className="plan-card-note">{first.note}</p>}
      {group.kind === 'programme' && (
        <ul className="plan-card-items">
          {items.map((r) => (
            <li key={r.id} className={`plan-item decision-${r.decision}`} data-recommendation={r.id}>
              <span className="plan-item-label">
                <span className="plan-item-number">{capability(r.capabilityId).number}</span> {capability(r.capabilityId).title}
                <span className="sr-only"> — {t(`plan.voice.${voice}.${r.decision}`)}</span>
              </span>
              {decisionButtons(r)}
            </li>
          ))}
        </ul>
      )}
      {group.kind === 'capability' && (
        <ul className="plan-card-items">
          {items.map((r) => {
            return (
              <li key={r.id} className={`plan-item decision-${r.decision}`} data-recommendation={r.id}>
                <span className="plan-item-label">
                  {itemTitle(r)}
                  {r.kind === 'custom' && <span className="muted">{t('plan.sep')}{t('plan.ownAction')}</span>}
                  {r.effort && <span className="muted">{t('plan.sep')}{t(`plan.effort.${r.effort}`)}</span>}
                  <span className="sr-only"> — {t(`plan.voice.${voice}.${r.decision}`)}</span>
                </span>
                {r.kind === 'programme' ? (
                  decisionButtons(r)
                ) : (
                  <button type="button" className="button button-small" disabled={disabled} onClick={() => actions.remove(r.id)}>
                    {t('plan.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="plan-card-actions">
        {decidable.length > 1 && (
          <>
            <button type="button" className="button button-small" disabled={disabled} aria-label={t(`plan.voice.${voice}.acceptAllFor`, { count: decidable.length, title })} onClick={() => actions.decide(decidable, 'accepted')}>
              {t(`plan.voice.${voice}.acceptAll`)}
            </button>
            <button type="button" className="button button-small" disabled={disabled} aria-label={t(`plan.voice.${voice}.rejectAllFor`, { count: decidable.length, title })} onClick={() => actions.decide(decidable, 'rejected')}>
              {t(`plan.voice.${voice}.rejectAll`)}
            </button>
          </>
        )}
        {group.kind === 'action' && (
          <button type="button" className="button button-small" disabled={disabled} onClick={() => actions.remove(first.id)}>
            {t('plan.remove')}
          </button>
        )}
      </div>
    </li>
  );
}
