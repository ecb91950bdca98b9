import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { domainLabel, indicatorNumber, indicatorPlaces } from '../../core/framework/summary';
import type { ApiError } from '../../core/api/result';
import type { Assessment } from '../../core/model/assessment';
import { pickText } from '../../core/model/pick-text';
import { scoreAssessment, type AssessmentScores } from '../../core/scoring/scores';
import { call, request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { checkText } from '../export/check-text';
import { download } from '../export/download';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { loadPair, PairError, useRatingLabel, type PairData } from './shared';
import './merge.css';
import { reportLanguage } from '../i18n';
import { fixed, fixedOr } from '../numbers';

// recharts loads with the first chart, as on the results screen.
const DomainRadar = lazy(() => import('../results/DomainRadar').then((module) => ({ default: module.DomainRadar })));

interface CompareData extends PairData {
  left: Assessment;
  right: Assessment;
}

async function loadCompare(leftId: string, rightId: string): Promise<CompareData> {
  const [pair, left, right] = await Promise.all([loadPair(leftId, rightId), request('getAssessment', { id: leftId }), request('getAssessment', { id: rightId })]);
  return { ...pair, left, right };
}

const fmt = (value: number | null, notScored: string) => fixedOr(value, 2, notScored);
const signed = (value: number) => fixed(value, 2, true);

export function CompareScreen({ leftId, rightId }: { leftId: string; rightId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => loadCompare(leftId, rightId), `${leftId}/${rightId}`);
  return (
    <div className="page merge-page">
      <div className="page-head">
        <h1>{t('compare.heading')}</h1>
        <a className="button" href={href({ screen: 'merge', leftId, rightId })}>
          {t('compare.toMerge')}
        </a>
      </div>
      {loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <PairError error={loaded.error} />}
      {loaded.kind === 'ready' && <Comparison data={loaded.data} />}
    </div>
  );
}

function Comparison({ data }: { data: CompareData }) {
  const { t, i18n } = useTranslation();
  const { framework, left, right, preview } = data;
  const ratingLabel = useRatingLabel(framework);
  const notScored = t('results.notScored');
  const scores: [AssessmentScores, AssessmentScores] = [scoreAssessment(framework, left), scoreAssessment(framework, right)];
  const rows = framework.domains.map((domain, i) => ({
    domain: `${i + 1}. ${domainLabel(domain, i18n.language)}`,
    score: scores[0].domains[i]!.mean,
    target: scores[0].domains[i]!.target,
    baseline: scores[1].domains[i]!.mean,
  }));
  const summary = t('compare.radarSummary', {
    left: left.title,
    right: right.title,
    summary: framework.domains.map((d, i) => `${i + 1}. ${domainLabel(d, i18n.language)} ${fmt(scores[0].domains[i]!.mean, notScored)} / ${fmt(scores[1].domains[i]!.mean, notScored)}`).join('; '),
  });
  const places = new Map(indicatorPlaces(framework).map((p) => [p.indicator.id, p.indicator]));
  const differences = preview.indicators.filter((c) => c.levelDistance !== null && c.levelDistance >= 1);
  const name = (a: Assessment) => t('compare.named', { title: a.title, mode: t(`mode.${a.mode}`) });

  return (
    <>
      <p className="muted">{t('compare.intro')}</p>
      <section className="panel" aria-labelledby="compare-radar-heading">
        <h2 id="compare-radar-heading">{t('compare.radarTitle')}</h2>
        <Suspense
          fallback={
            <p className="muted" aria-busy="true">
              {t('loading')}
            </p>
          }
        >
          <DomainRadar rows={rows} summary={summary} withBaseline names={{ score: name(left), baseline: name(right) }} />
        </Suspense>
      </section>
      <section className="panel" aria-labelledby="compare-capabilities-heading">
        <h2 id="compare-capabilities-heading">{t('compare.capabilities')}</h2>
        <p className="muted">{t('compare.capabilitiesNote')}</p>
        <div className="table-scroll">
          <table className="data-table compare-table">
            <thead>
              <tr>
                <th scope="col">{t('compare.capability')}</th>
                <th scope="col">{name(left)}</th>
                <th scope="col">{name(right)}</th>
                <th scope="col">{t('compare.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {framework.domains.flatMap((domain, d) =>
                domain.capabilities.map((capability, c) => {
                  const mine = scores[0].domains[d]!.capabilities[c]!.mean;
                  const theirs = scores[1].domains[d]!.capabilities[c]!.mean;
                  if (mine === null && theirs === null) return null;
                  return (
                    <tr key={capability.id}>
                      <th scope="row">
                        {d + 1}.{c + 1} {pickText(capability.title, i18n.language)}
                      </th>
                      <td>{fmt(mine, notScored)}</td>
                      <td>{fmt(theirs, notScored)}</td>
                      <td>{mine === null || theirs === null ? '–' : signed(mine - theirs)}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      </section>
      <ReportExport left={left} right={right} />
      <section className="panel" aria-labelledby="compare-differences-heading">
        <h2 id="compare-differences-heading">{t('compare.differences')}</h2>
        {differences.length === 0 ? (
          <p className="muted">{t('compare.noDifferences')}</p>
        ) : (
          <>
            <p className="muted">{t('compare.differencesIntro', { count: differences.length })}</p>
            <div className="table-scroll">
              <table className="data-table compare-differences">
                <thead>
                  <tr>
                    <th scope="col">{t('compare.indicator')}</th>
                    <th scope="col">{name(left)}</th>
                    <th scope="col">{name(right)}</th>
                    <th scope="col">{t('compare.difference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {differences.map((c) => {
                    const indicator = places.get(c.indicatorId);
                    const apart = (c.left!.rating as { level: number }).level - (c.right!.rating as { level: number }).level;
                    return (
                      <tr key={c.indicatorId}>
                        <th scope="row">
                          {indicatorNumber(framework, c.indicatorId)} {indicator ? pickText(indicator.question, i18n.language) : c.indicatorId}
                        </th>
                        <td>{ratingLabel(c.left!.rating)}</td>
                        <td>{ratingLabel(c.right!.rating)}</td>
                        <td>{apart > 0 ? `+${apart}` : apart}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

/** The full report of the left assessment with the "Self-assessed vs assessed" section, in the UI language. */
function ReportExport({ left, right }: { left: Assessment; right: Assessment }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; error: ApiError }>({ kind: 'idle' });
  async function run(format: 'html' | 'docx') {
    setState({ kind: 'busy' });
    const result = await call('exportAssessment', { id: left.id, compareWithId: right.id, format, report: 'full', language: reportLanguage(i18n.language) });
    if (!result.ok) return setState({ kind: 'error', error: result.error });
    download(result.data);
    setState({ kind: 'done', text: t('compare.exported', { fileName: result.data.fileName, verified: checkText(t, result.data) }) });
  }
  return (
    <section className="panel" aria-labelledby="compare-export-heading">
      <h2 id="compare-export-heading">{t('compare.exportHeading')}</h2>
      <p className="muted">{t('compare.exportIntro', { title: left.title, other: right.title })}</p>
      <p className="pair-actions">
        {(['html', 'docx'] as const).map((format) => (
          <button key={format} type="button" className="button" disabled={state.kind === 'busy'} onClick={() => void run(format)}>
            {format === 'html' ? t('compare.exportHtml') : t('compare.exportDocx')}
          </button>
        ))}
      </p>
      <div role="status">
        {state.kind === 'busy' && <p aria-busy="true">{t('compare.exporting')}</p>}
        {state.kind === 'done' && <p>{state.text}</p>}
      </div>
      {state.kind === 'error' && <ErrorMessage error={state.error} />}
    </section>
  );
}
