import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../core/model/catalogue';
import { pickText } from '../../core/model/pick-text';
import type { Recommendation } from '../../core/planning/types';
import { useWorkspace } from '../workspace/context';

interface Props {
  recommendation: Recommendation;
  catalogue: Catalogue | null;
  disabled: boolean;
  onDecide: (decision: 'accepted' | 'rejected' | null) => void;
  onMove: (by: -1 | 1) => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onRemove: (() => void) | undefined;
}

export function RecommendationItem({ recommendation: r, catalogue, disabled, onDecide, onMove, canMoveUp, canMoveDown, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const { framework } = useWorkspace();
  const capability = framework.domains.flatMap((d) => d.capabilities).find((c) => c.id === r.capabilityId);
  const programme = catalogue?.programmes.find((p) => p.id === r.programmeId);
  const title = r.kind === 'custom' ? r.title : programme ? pickText(programme.name, i18n.language) : r.programmeId;
  return (
    <li className={`recommendation decision-${r.decision}`}>
      <div className="recommendation-main">
        <p className="recommendation-title">
          <strong>{title}</strong>
          {programme && <span className="muted"> — {pickText(programme.provider, i18n.language)}</span>}
        </p>
        <p className="muted">
          {capability ? pickText(capability.title, i18n.language) : r.capabilityId}
          {r.effort && <> · {t(`plan.effort.${r.effort}`)}</>} · {t('plan.priorityValue', { priority: r.priority.toFixed(2) })}
          {r.kind === 'custom' && r.owner && <> · {t('plan.owner', { owner: r.owner })}</>}
        </p>
        {r.donorOverlap && <p className="overlap">{t('plan.overlap', { who: r.donorOverlap.who || t('plan.overlapUnnamed'), extent: t(`plan.extent.${String(r.donorOverlap.extent) as '0' | '1' | '2' | '3'}`) })}</p>}
        {r.kind === 'custom' && r.note && <p>{r.note}</p>}
        <p className="decision">{t(`plan.decision.${r.decision}`)}</p>
      </div>
      <div className="recommendation-actions" role="group" aria-label={t('plan.actionsFor', { title })}>
        {r.kind === 'programme' && (
          <>
            <button type="button" className="button button-small" aria-pressed={r.decision === 'accepted'} disabled={disabled} onClick={() => onDecide(r.decision === 'accepted' ? null : 'accepted')}>
              {t('plan.accept')}
            </button>
            <button type="button" className="button button-small" aria-pressed={r.decision === 'rejected'} disabled={disabled} onClick={() => onDecide(r.decision === 'rejected' ? null : 'rejected')}>
              {t('plan.reject')}
            </button>
          </>
        )}
        {onRemove && (
          <button type="button" className="button button-small" disabled={disabled} onClick={onRemove}>
            {t('plan.remove')}
          </button>
        )}
        <button type="button" className="button button-small" disabled={disabled || !canMoveUp} onClick={() => onMove(-1)} aria-label={t('plan.moveUp', { title })}>
          ↑
        </button>
        <button type="button" className="button button-small" disabled={disabled || !canMoveDown} onClick={() => onMove(1)} aria-label={t('plan.moveDown', { title })}>
          ↓
        </button>
      </div>
    </li>
  );
}
