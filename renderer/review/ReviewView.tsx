import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { Review } from '../../core/review/review';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useWorkspace } from '../workspace/context';
import { CoverageTable } from './CoverageTable';
import { IssueList } from './IssueList';
import { SessionIssueList } from './SessionIssueList';
import { SignOff } from './SignOff';

type State = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; review: Review };

/** What to look at before signing off, then sign-off itself. Computed by the core from what is stored. */
export function ReviewView() {
  const { t } = useTranslation();
  const { assessment, autosave } = useWorkspace();
  const { flush } = autosave;
  const [state, setState] = useState<{ revision: string; value: State } | undefined>();
  // Re-read whenever the document on screen changes (a sign-off, a reopen).
  const key = `${assessment.status}/${assessment.updatedAt}/${assessment.signOff?.at ?? ''}/${assessment.reopened?.at ?? ''}`;
  useEffect(() => {
    let live = true;
    void flush()
      .then(() => call('getReview', { id: assessment.id }))
      .then((result) => {
        if (live) setState({ revision: key, value: result.ok ? { kind: 'ready', review: result.data } : { kind: 'error', error: result.error } });
      });
    return () => {
      live = false;
    };
  }, [assessment.id, flush, key]);
  const current: State = state?.revision === key ? state.value : { kind: 'loading' };

  return (
    <section className="panel review" aria-labelledby="review-heading">
      <h2 id="review-heading" tabIndex={-1}>
        {t('review.heading')}
      </h2>
      <p className="muted">{t('review.intro')}</p>
      {current.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {current.kind === 'error' && <ErrorMessage error={current.error} />}
      {current.kind === 'ready' && (
        <>
          <CoverageTable review={current.review} />
          <div className="issue-grid">
            <IssueList kind="flagged" ids={current.review.flagged} />
            <IssueList kind="lowConfidence" ids={current.review.lowConfidence} />
            <IssueList kind="highWithoutEvidence" ids={current.review.highWithoutEvidence} />
            <SessionIssueList ids={current.review.sessionsWithoutInput} />
          </div>
          <SignOff review={current.review} />
          <div className="issue-wide">
            <IssueList kind="unanswered" ids={current.review.unanswered} limit={12} />
          </div>
        </>
      )}
    </section>
  );
}
