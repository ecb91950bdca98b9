import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useFrameworkIn } from '../frameworks';
import { useLoad } from '../hooks/useLoad';
import { openAssessment } from '../opening';
import { href, type AssessmentRoute } from '../route';
import { Workspace } from '../workspace/Workspace';

export interface LoadedAssessment {
  assessment: Assessment;
  framework: Framework;
  baseline: Assessment | undefined;
}

async function load(id: string): Promise<LoadedAssessment> {
  // One round trip for both, even on a first open with nothing cached; the history stays on disk until a history view asks for it.
  const { assessment, framework } = await openAssessment(id);
  // A missing baseline must not keep the team from working: it is reported where it would show.
  const baseline = assessment.baselineId ? await call('getAssessment', { id: assessment.baselineId }) : undefined;
  return { assessment, framework, baseline: baseline?.ok ? baseline.data : undefined };
}

export function AssessmentScreen({ route }: { route: AssessmentRoute }) {
  const { t } = useTranslation();
  const state = useLoad(() => load(route.id), route.id);
  if (state.kind === 'loading')
    return (
      <p className="page" aria-busy="true">
        {t('loading')}
      </p>
    );
  if (state.kind === 'error')
    return (
      <div className="page">
        <h1>{t('assess.cannotOpen')}</h1>
        <ErrorMessage error={state.error} />
        <p>
          <a href={href({ screen: 'home' })}>{t('nav.home')}</a>
        </p>
      </div>
    );
  return <LoadedWorkspace route={route} loaded={state.data} />;
}

/** The workspace, with the framework's content following the UI language when it changes. */
function LoadedWorkspace({ route, loaded }: { route: AssessmentRoute; loaded: LoadedAssessment }) {
  const { i18n } = useTranslation();
  const framework = useFrameworkIn(loaded.framework, [i18n.language]);
  const initial = useMemo(() => (framework === loaded.framework ? loaded : { ...loaded, framework }), [framework, loaded]);
  return <Workspace route={route} initial={initial} />;
}
