import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentSummary } from '../../core/model/assessment';
import { request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { CreateForm } from '../setup/CreateForm';

interface Loaded {
  assessments: AssessmentSummary[];
  baseline: Assessment | undefined;
}

async function load(baselineId: string | undefined): Promise<Loaded> {
  const assessments = await request('listAssessments', {});
  const baseline = baselineId ? await request('getAssessment', { id: baselineId }) : undefined;
  return { assessments, baseline };
}

/** Step 1 of the guided setup: what is assessed. The assessment is created here; later steps save as you go. */
export function CreateScreen({ baselineId }: { baselineId: string | undefined }) {
  const { t } = useTranslation();
  const state = useLoad(() => load(baselineId), baselineId ?? 'new');
  return (
    <div className="page page-narrow">
      {state.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {state.kind === 'error' && (
        <>
          <h1>{t('create.heading')}</h1>
          <ErrorMessage error={state.error} />
          <a href={href({ screen: 'home' })}>{t('nav.home')}</a>
        </>
      )}
      {state.kind === 'ready' && <CreateForm assessments={state.data.assessments} baseline={state.data.baseline} />}
    </div>
  );
}
