import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { href } from '../route';
import { useWorkspace } from './context';

/**
 * Says plainly when the assessment is the bundled sample (fictional data), when it is read-only,
 * and why every change is being logged after a reopen.
 */
// Memoised: moving between indicators re-renders the workspace, not what it shows around the view.
export const StatusBanner = memo(function StatusBanner({ onReview }: { onReview: boolean }) {
  const { t } = useTranslation();
  const { assessment } = useWorkspace();
  return (
    <>
      {assessment.sample && (
        <p className="banner banner-sample" role="note">
          <strong>{t('help.sample.banner')}</strong> {t('help.sample.bannerHint')}
        </p>
      )}
      <StateBanner onReview={onReview} />
    </>
  );
});

function StateBanner({ onReview }: { onReview: boolean }) {
  const { t, i18n } = useTranslation();
  const { assessment } = useWorkspace();
  if (assessment.status === 'final') {
    return (
      <div className="banner banner-final" role="status">
        <p>
          <strong>{t('status.finalBanner')}</strong>{' '}
          {assessment.signOff && t('status.signedOff', { by: assessment.signOff.by, at: formatDateTime(assessment.signOff.at, i18n.language) })}
        </p>
        <p>
          {t('status.readOnlyHint')} {!onReview && <a href={href({ screen: 'assessment', id: assessment.id, view: 'review' })}>{t('status.toReopen')}</a>}
        </p>
      </div>
    );
  }
  if (assessment.reopened) {
    return (
      <div className="banner banner-reopened" role="status">
        <p>
          <strong>{t('status.reopenedBanner', { by: assessment.reopened.by, at: formatDateTime(assessment.reopened.at, i18n.language) })}</strong>
        </p>
        <p>{t('status.reopenedReason', { reason: assessment.reopened.reason })}</p>
      </div>
    );
  }
  return null;
}
