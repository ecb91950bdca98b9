import { useTranslation } from 'react-i18next';
import type { PortfolioRow } from '../../core/portfolio/types';
import { href } from '../route';
import '../merge/merge.css';

/**
 * What can be done with the picked rows: compare 2–8 of any countries and framework versions; merge
 * exactly two of one country on one framework version (the merge screen explains other refusals).
 */
export function SelectionBar({
  rows,
  selected,
  onClear,
  onShelve,
}: {
  rows: readonly PortfolioRow[];
  selected: readonly string[];
  onClear: () => void;
  onShelve: (command: 'archiveAssessments' | 'trashAssessments') => void;
}) {
  const { t } = useTranslation();
  const picked = selected.map((id) => rows.find((r) => r.id === id)).filter((r): r is PortfolioRow => r !== undefined);
  if (picked.length === 0) return <p className="muted pair-bar">{t('portfolio.selectHint')}</p>;
  const [left, right] = picked;
  const mergeable = picked.length === 2 && left!.country === right!.country && left!.frameworkId === right!.frameworkId && left!.frameworkVersion === right!.frameworkVersion;
  const text = picked.length === 2 ? t('merge.pairReady', { left: left!.title, right: right!.title }) : t('portfolio.selected', { count: picked.length });
  return (
    <div className="pair-bar pair-bar-ready" role="group" aria-label={text}>
      <p>{text}</p>
      <p className="pair-actions">
        {picked.length >= 2 ? (
          <a className="button button-primary" href={href({ screen: 'compareMany', ids: picked.map((p) => p.id) })}>
            {t('portfolio.compareSelected', { count: picked.length })}
          </a>
        ) : (
          <span className="muted">{t('portfolio.pickMore')}</span>
        )}
        {mergeable && (
          <a className="button" href={href({ screen: 'merge', leftId: left!.id, rightId: right!.id })}>
            {t('merge.merge')}
          </a>
        )}
        <button type="button" className="button" onClick={() => onShelve('archiveAssessments')}>
          {t('portfolio.shelf.archive.action')}
        </button>
        <button type="button" className="button" onClick={() => onShelve('trashAssessments')}>
          {t('portfolio.shelf.trash.action')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClear}>
          {t('portfolio.clearSelection')}
        </button>
      </p>
    </div>
  );
}
