import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorPlaces } from '../../core/framework/summary';
import type { Assessment, IndicatorResponse } from '../../core/model/assessment';
import { countryName } from '../../core/model/countries';
import type { Framework } from '../../core/model/framework';
import { request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { ExportButtons } from '../components/ExportButtons';
import { IndicatorPanel } from '../components/IndicatorPanel';
import { NavTree } from '../components/NavTree';
import { SaveStatus } from '../components/SaveStatus';
import { useAutosave, type Patch } from '../hooks/useAutosave';
import { useLoad } from '../hooks/useLoad';
import { href, type Route } from '../route';
import { ResultsView } from './ResultsView';

interface Loaded {
  assessment: Assessment;
  framework: Framework;
}

async function load(id: string): Promise<Loaded> {
  const assessment = await request('getAssessment', { id });
  const framework = await request('getFramework', { id: assessment.frameworkId, version: assessment.frameworkVersion });
  return { assessment, framework };
}

export function AssessmentScreen({ route }: { route: Extract<Route, { screen: 'assessment' }> }) {
  const { t } = useTranslation();
  const state = useLoad(() => load(route.id), route.id);
  if (state.kind === 'loading') return <p className="page" aria-busy="true">{t('loading')}</p>;
  if (state.kind === 'error')
    return (
      <div className="page">
        <ErrorMessage error={state.error} />
        <a href={href({ screen: 'home' })}>{t('nav.home')}</a>
      </div>
    );
  return <Workspace route={route} initial={state.data} />;
}

function applyPatch(response: IndicatorResponse | undefined, patch: Patch): IndicatorResponse {
  const next: IndicatorResponse = { notes: '', attachmentIds: [], sessionIds: [], flagged: false, updatedAt: '', updatedBy: '', ...response };
  if (patch.rating === null) delete next.rating;
  else if (patch.rating) next.rating = patch.rating;
  if (patch.confidence === null) delete next.confidence;
  else if (patch.confidence) next.confidence = patch.confidence;
  if (patch.notes !== undefined) next.notes = patch.notes;
  if (patch.flagged !== undefined) next.flagged = patch.flagged;
  return next;
}

function Workspace({ route, initial }: { route: Extract<Route, { screen: 'assessment' }>; initial: Loaded }) {
  const { t, i18n } = useTranslation();
  const { framework } = initial;
  const [assessment, setAssessment] = useState(initial.assessment);
  const autosave = useAutosave(assessment.id);
  const places = indicatorPlaces(framework);
  const index = Math.max(0, places.findIndex((p) => p.indicator.id === route.indicatorId));
  const place = places[index]!;
  const answered = places.filter((p) => assessment.responses[p.indicator.id]?.rating).length;

  const update = useCallback(
    (indicatorId: string, patch: Patch, immediately: boolean) => {
      setAssessment((a) => ({ ...a, responses: { ...a.responses, [indicatorId]: applyPatch(a.responses[indicatorId], patch) } }));
      autosave.queue(indicatorId, patch, immediately);
    },
    [autosave],
  );

  return (
    <div className="workspace">
      <div className="workspace-head">
        <div>
          <h1>{assessment.title}</h1>
          <p className="muted">
            {countryName(assessment.country, i18n.language)} · {t(`mode.${assessment.mode}`)} · {t(`status.${assessment.status}`)}
          </p>
        </div>
        <div className="workspace-tools">
          <p className="progress-text">{t('assess.answered', { count: answered, total: places.length })}</p>
          <SaveStatus state={autosave.state} onRetry={() => void autosave.flush()} />
          <nav className="view-tabs" aria-label={t('assess.results')}>
            <a href={href({ screen: 'assessment', id: assessment.id, indicatorId: place.indicator.id, view: 'rate' })} aria-current={route.view === 'rate' ? 'page' : undefined}>
              {t('assess.rateTab')}
            </a>
            <a href={href({ screen: 'assessment', id: assessment.id, view: 'results' })} aria-current={route.view === 'results' ? 'page' : undefined}>
              {t('assess.results')}
            </a>
          </nav>
          <ExportButtons assessmentId={assessment.id} beforeExport={autosave.flush} />
        </div>
      </div>
      <div className="workspace-body">
        <NavTree framework={framework} assessment={assessment} currentId={route.view === 'rate' ? place.indicator.id : undefined} />
        <section className="workspace-main">
          {route.view === 'results' ? (
            <ResultsView framework={framework} assessment={assessment} />
          ) : (
            <IndicatorPanel
              key={place.indicator.id}
              framework={framework}
              place={place}
              response={assessment.responses[place.indicator.id]}
              onChange={(patch, immediately) => update(place.indicator.id, patch, immediately)}
              onBlur={() => void autosave.flush()}
              previous={places[index - 1] && href({ screen: 'assessment', id: assessment.id, indicatorId: places[index - 1]!.indicator.id, view: 'rate' })}
              next={places[index + 1] && href({ screen: 'assessment', id: assessment.id, indicatorId: places[index + 1]!.indicator.id, view: 'rate' })}
            />
          )}
        </section>
      </div>
    </div>
  );
}
