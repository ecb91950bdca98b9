import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../core/review/review';
import { formatDateTime } from '../format';
import { useWorkspace } from '../workspace/context';
import { FinaliseDialog } from './FinaliseDialog';
import { ReopenDialog } from './ReopenDialog';

/** Finalising records who signed off and when; reopening needs a reason that every later change carries. */
export function SignOff({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const { assessment } = useWorkspace();
  const [dialog, setDialog] = useState<'finalise' | 'reopen' | undefined>();
  const final = assessment.status === 'final';
  return (
    <section className="sign-off" aria-labelledby="sign-off-heading">
      <h3 id="sign-off-heading">{t('signOff.heading')}</h3>
      {final ? (
        <>
          <p>
            {assessment.signOff
              ? t('status.signedOff', { by: assessment.signOff.by, at: formatDateTime(assessment.signOff.at, i18n.language) })
              : t('status.finalBanner')}
          </p>
          <p className="muted">{t('signOff.reopenHint')}</p>
          <button type="button" className="button" onClick={() => setDialog('reopen')}>
            {t('signOff.reopen')}
          </button>
        </>
      ) : (
        <>
          <p className="muted">{t('signOff.finaliseHint')}</p>
          <button type="button" className="button button-primary" onClick={() => setDialog('finalise')}>
            {t('signOff.finalise')}
          </button>
        </>
      )}
      <FinaliseDialog open={dialog === 'finalise'} review={review} onClose={() => setDialog(undefined)} />
      <ReopenDialog open={dialog === 'reopen'} onClose={() => setDialog(undefined)} />
    </section>
  );
}
