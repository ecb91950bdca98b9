import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { FrameworkMovePreview, MoveCategory, MoveItem } from '../../core/framework/move';
import { compareVersions, indicatorNumber, indicatorPlaces } from '../../core/framework/summary';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Modal } from '../components/Modal';
import { DialogActions } from '../review/SignOffParts';
import { href } from '../route';
import { useWorkspace } from '../workspace/context';

const categories: readonly MoveCategory[] = ['kept', 'flagged', 'dropped', 'added'];

/**
 * The framework version the assessment is on and, when a newer version is installed, the move to
 * it: a preview of what happens to each indicator, then one confirmed step.
 */
export function FrameworkMove() {
  const { t } = useTranslation();
  const { assessment, readOnly } = useWorkspace();
  const [newest, setNewest] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    void call('listFrameworks', {}).then((result) => {
      if (!live || !result.ok) return;
      const newer = result.data.filter((f) => f.id === assessment.frameworkId && compareVersions(f.version, assessment.frameworkVersion) > 0);
      setNewest(newer.sort((a, b) => compareVersions(a.version, b.version)).at(-1)?.version);
    });
    return () => {
      live = false;
    };
  }, [assessment.frameworkId, assessment.frameworkVersion]);

  return (
    <div className="field">
      <p className="field-label">{t('frameworkMove.label')}</p>
      <p className="static-value">{t('frameworkMove.current', { version: assessment.frameworkVersion })}</p>
      {newest && (
        <>
          <p className="field-hint">{readOnly ? t('frameworkMove.finalHint', { version: newest }) : t('frameworkMove.hint', { version: newest })}</p>
          <button type="button" className="button" disabled={readOnly} onClick={() => setOpen(true)}>
            {t('frameworkMove.open', { version: newest })}
          </button>
          <Modal open={open} title={t('frameworkMove.title', { from: assessment.frameworkVersion, to: newest })} onClose={() => setOpen(false)}>
            <MoveForm toVersion={newest} onClose={() => setOpen(false)} />
          </Modal>
        </>
      )}
    </div>
  );
}

function MoveForm({ toVersion, onClose }: { toVersion: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { assessment, framework, assessor, autosave } = useWorkspace();
  const [preview, setPreview] = useState<{ plan: FrameworkMovePreview; target: Framework } | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      // The preview must see every edit already typed, or the move would be refused as stale.
      await autosave.flush();
      const plan = await call('previewFrameworkMove', { id: assessment.id, toVersion });
      if (!plan.ok) return live && setFailure(plan.error);
      const target = await call('getFramework', { id: assessment.frameworkId, version: toVersion });
      if (!target.ok) return live && setFailure(target.error);
      if (live) setPreview({ plan: plan.data, target: target.data });
    })();
    return () => {
      live = false;
    };
  }, [assessment.id, assessment.frameworkId, toVersion, autosave]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!preview) return;
    setBusy(true);
    const result = await call('moveToFramework', { id: assessment.id, toVersion, expectedRevision: preview.plan.revision, by: assessor || undefined });
    if (!result.ok) {
      setBusy(false);
      return setFailure(result.error);
    }
    // Open the rating view on the indicators that now need review; the workspace reloads on the new framework.
    sessionStorage.setItem(`ccat.filter.${assessment.id}`, 'flagged');
    const first = preview.plan.flagged[0] ?? preview.plan.added[0];
    window.location.hash = href({ screen: 'assessment', id: assessment.id, view: 'rate', ...(first ? { indicatorId: first.indicatorId } : {}) }).replace(/^#/, '');
    window.location.reload();
  };

  if (!preview) {
    return failure ? (
      <>
        <ErrorMessage error={failure} />
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t('create.cancel')}
          </button>
        </div>
      </>
    ) : (
      <p aria-busy="true">{t('loading')}</p>
    );
  }
  const { plan, target } = preview;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('frameworkMove.body', { from: plan.fromVersion, to: plan.toVersion })}</p>
      <ul className="move-counts" aria-label={t('frameworkMove.summary')}>
        {categories.map((category) => (
          <li key={category} data-category={category}>
            <strong>{plan.counts[category]}</strong> {t(`frameworkMove.counts.${category}`, { count: plan.counts[category] })}
          </li>
        ))}
      </ul>
      {categories.map((category) =>
        plan[category].length === 0 ? null : (
          <details key={category} className="move-list" open={category !== 'kept'}>
            <summary>
              {t(`frameworkMove.lists.${category}`)} ({plan[category].length})
            </summary>
            <ul>
              {plan[category].map((item) => (
                <MoveLine key={`${category}/${item.indicatorId}`} item={item} framework={category === 'dropped' ? framework : target} />
              ))}
            </ul>
          </details>
        ),
      )}
      {plan.targetsDropped.length > 0 && <p className="notice">{t('frameworkMove.targetsDropped', { list: plan.targetsDropped.join(', ') })}</p>}
      <p className="muted">{t('frameworkMove.keepsOld', { from: plan.fromVersion })}</p>
      <DialogActions failure={failure} busy={busy} confirm={t('frameworkMove.confirm', { version: plan.toVersion })} onClose={onClose} />
    </form>
  );
}

function MoveLine({ item, framework }: { item: MoveItem; framework: Framework }) {
  const { t, i18n } = useTranslation();
  const place = indicatorPlaces(framework).find((p) => p.indicator.id === item.indicatorId);
  const rating = item.rating === null ? t('frameworkMove.unrated') : item.rating.kind === 'level' ? t('frameworkMove.level', { level: item.rating.level }) : t(`frameworkMove.rating.${item.rating.kind}`);
  const from = item.kind === 'split' || item.kind === 'merged' || (item.from.length === 1 && item.from[0] !== item.indicatorId) ? item.from.join(', ') : undefined;
  return (
    <li>
      <span className="move-number">{indicatorNumber(framework, item.indicatorId)}</span> {place ? pickText(place.indicator.question, i18n.language) : item.indicatorId}
      <span className="muted">
        {' '}
        — {rating}
        {item.kind !== 'added' && item.kind !== 'removed' && item.kind !== 'same' && ` · ${t(`frameworkMove.kind.${item.kind}`)}`}
        {from && ` · ${t('frameworkMove.from', { ids: from })}`}
      </span>
    </li>
  );
}
