import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { MergePreview } from '../../core/merge/compare';
import type { Rating } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { loadFramework, storedContentLanguages } from '../frameworks';

export interface PairData {
  preview: MergePreview;
  framework: Framework;
}

/** The core's comparison of the two and the framework both are on; refused when they do not match. */
export async function loadPair(leftId: string, rightId: string): Promise<PairData> {
  const preview = await request('previewMerge', { leftId, rightId });
  return { preview, framework: await loadFramework(preview, storedContentLanguages()) };
}

export function useRatingLabel(framework: Framework) {
  const { t, i18n } = useTranslation();
  return (rating: Rating | null | undefined): string => {
    if (!rating) return '–';
    if (rating.kind !== 'level') return t(`merge.rating.${rating.kind}`);
    const level = framework.levels.find((l) => l.level === rating.level);
    return t('merge.rating.level', { level: rating.level, name: level ? pickText(level.name, i18n.language) : '' });
  };
}

interface Refusal {
  reason: 'country' | 'framework';
  left: string;
  right: string;
  moveTo?: string;
}

function refusalOf(error: ApiError): Refusal | undefined {
  const details = error.details as Partial<Refusal> | undefined;
  return error.code === 'CONFLICT' && (details?.reason === 'country' || details?.reason === 'framework') ? (details as Refusal) : undefined;
}

/** A pair that cannot be compared is explained in the user's language; other failures as usual. */
export function PairError({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const refusal = refusalOf(error);
  if (!refusal) return <ErrorMessage error={error} />;
  return (
    <p className="error-box" role="alert">
      {refusal.reason === 'country'
        ? t('merge.refused.country', { left: refusal.left, right: refusal.right })
        : t('merge.refused.framework', { left: refusal.left, right: refusal.right, moveTo: refusal.moveTo ?? '' })}
    </p>
  );
}
