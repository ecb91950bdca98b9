import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { domainLabel } from '../../core/framework/summary';
import { pickText } from '../../core/model/pick-text';
import { scoreAssessment } from '../../core/scoring/scores';
import { PlanView } from '../plan/PlanView';
import { useWorkspace } from '../workspace/context';
import { CapabilityBars } from './CapabilityBars';
import { OverallScore } from './OverallScore';
import { DomainTable } from './DomainTable';
import { useBaselineScores } from './useBaselineScores';
import { fixed, fixedOr } from '../numbers';

// recharts is about a third of the UI's JavaScript: it loads when results are first shown, not with the first screen.
const DomainRadar = lazy(() => import('./DomainRadar').then((module) => ({ default: module.DomainRadar })));
const LevelDistribution = lazy(() => import('./LevelDistribution').then((module) => ({ default: module.LevelDistribution })));

function ChartSlot({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="muted" aria-busy="true">
          {t('loading')}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

/** Scores come from the same pure core function the reports use, so screen and report agree. */
export function ResultsScreen() {
  const { t, i18n } = useTranslation();
  const { assessment, framework, baseline } = useWorkspace();
  const scores = scoreAssessment(framework, assessment);
  const before = useBaselineScores(baseline, framework);
  const notScored = t('results.notScored');
  const rows = framework.domains.map((domain, i) => {
    const baselineMean = before?.domains.find((d) => d.domainId === domain.id)?.mean;
    return {
      domain: `${i + 1}. ${domainLabel(domain, i18n.language)}`,
      score: scores.domains[i]!.mean,
      target: scores.domains[i]!.target,
      ...(baselineMean !== undefined && baselineMean !== null ? { baseline: baselineMean } : {}),
    };
  });
  const summary = framework.domains
    .map((domain, i) =>
      t('results.chartSummary', {
        domain: pickText(domain.title, i18n.language),
        score: fixedOr(scores.domains[i]!.mean, 2, notScored),
        target: fixed(scores.domains[i]!.target, 1),
        answered: scores.domains[i]!.coverage.answered,
        total: scores.domains[i]!.coverage.total,
      }),
    )
    .join('. ');
  const anyScore = scores.domains.some((d) => d.mean !== null);

  return (
    <div className="results">
      <section className="panel" aria-labelledby="results-heading">
        <h2 id="results-heading">{t('results.heading')}</h2>
        <OverallScore scores={scores} />
        <p className="muted sentences">
          <span>{t('method.domainScore')}</span>
          <span>{t('method.overall', { count: scores.domains.length })}</span>
          <span>{t('results.method')}</span>
        </p>
        {!anyScore && <p className="notice">{t('results.noScores')}</p>}
        <ChartSlot>
          <DomainRadar rows={rows} summary={summary} withBaseline={before !== undefined} />
        </ChartSlot>
        <DomainTable framework={framework} scores={scores} baseline={before} />
      </section>
      <section className="panel" aria-labelledby="capabilities-heading">
        <h2 id="capabilities-heading">{t('results.capabilitiesHeading')}</h2>
        <p className="muted">{t('results.barsLegend')}</p>
        <CapabilityBars framework={framework} scores={scores} />
      </section>
      <section className="panel" aria-labelledby="distribution-heading">
        <h2 id="distribution-heading">{t('results.distributionTitle')}</h2>
        <ChartSlot>
          <LevelDistribution framework={framework} assessment={assessment} />
        </ChartSlot>
      </section>
      <PlanView />
    </div>
  );
}
