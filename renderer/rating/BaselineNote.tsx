import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../core/model/assessment';
import { levelLabel } from '../format';
import { useWorkspace } from '../workspace/context';

/** The year a baseline speaks for: its period, its sign-off, or when it was created. */
export function baselineYear(baseline: Assessment): string {
  return (baseline.period.from ?? baseline.signOff?.at ?? baseline.createdAt).slice(0, 4);
}

/** "Previous: 2 — Formative (2024)": shown beside, never copied into, the current rating. */
export function BaselineNote({ indicatorId }: { indicatorId: string }) {
  const { t, i18n } = useTranslation();
  const { assessment, baseline, framework } = useWorkspace();
  if (!assessment.baselineId) return null;
  if (!baseline) return <p className="baseline-note">{t('baseline.missing')}</p>;
  const rating = baseline.responses[indicatorId]?.rating;
  const value = !rating
    ? t('baseline.notRated')
    : rating.kind === 'level'
      ? levelLabel(framework, rating.level, i18n.language)
      : rating.kind === 'notApplicable'
        ? t('assess.naWithReason', { reason: rating.reason })
        : t('assess.unknown');
  return <p className="baseline-note">{t('baseline.previous', { value, year: baselineYear(baseline) })}</p>;
}
