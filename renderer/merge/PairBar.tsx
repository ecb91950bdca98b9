import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVersions } from '../../core/framework/summary';
import type { AssessmentSummary } from '../../core/model/assessment';
import { href } from '../route';

/** Up to two assessments picked on the home list; picking a third lets go of the first. */
export function usePair() {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((p) => p !== id) : [...current, id].slice(-2)));
  return { picked, toggle };
}

export function PairCheckbox({ assessment, picked, toggle }: { assessment: AssessmentSummary; picked: string[]; toggle: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <input type="checkbox" className="pair-checkbox" checked={picked.includes(assessment.id)} onChange={() => toggle(assessment.id)} aria-label={t('merge.select', { title: assessment.title })} />
  );
}

/** Compare or merge the two picked assessments, once they can be: same country, same framework version. */
export function PairBar({ assessments, picked }: { assessments: readonly AssessmentSummary[]; picked: string[] }) {
  const { t } = useTranslation();
  const [left, right] = picked.map((id) => assessments.find((a) => a.id === id)).filter((a): a is AssessmentSummary => a !== undefined);
  if (!left || !right) {
    return <p className="muted pair-bar">{t('merge.pairHint')}</p>;
  }
  const problem =
    left.country !== right.country
      ? t('merge.pairCountry')
      : left.frameworkId !== right.frameworkId || left.frameworkVersion !== right.frameworkVersion
        ? t('merge.pairFramework', { left: left.frameworkVersion, right: right.frameworkVersion, latest: compareVersions(left.frameworkVersion, right.frameworkVersion) >= 0 ? left.frameworkVersion : right.frameworkVersion })
        : undefined;
  const pair = { leftId: left.id, rightId: right.id };
  return (
    <div className="pair-bar pair-bar-ready" role="group" aria-label={t('merge.pairReady', { left: left.title, right: right.title })}>
      <p>{t('merge.pairReady', { left: left.title, right: right.title })}</p>
      {problem ? (
        <p className="field-error">{problem}</p>
      ) : (
        <p className="pair-actions">
          <a className="button" href={href({ screen: 'compare', ...pair })}>
            {t('merge.compare')}
          </a>
          <a className="button button-primary" href={href({ screen: 'merge', ...pair })}>
            {t('merge.merge')}
          </a>
        </p>
      )}
    </div>
  );
}
