import { domainLabel } from '../../framework/summary';
import { levelDistance } from '../../merge/compare';
import type { Assessment } from '../../model/assessment';
import { pickText } from '../../model/pick-text';
import type { AssessmentScores } from '../../scoring/scores';
import type { BuildContext } from '../build-context';
import { ratingText } from '../build-context';
import { cell, figure, muted, plain } from '../cells';
import type { Block, RadarChart, TableBlock, Txt } from '../document';
import { fmtScore, fmtSigned } from '../format';

/** The other assessment a report is compared with: same country and framework version, checked by the caller. */
export interface ReportComparison {
  assessment: Assessment;
  scores: AssessmentScores;
}


function seriesLabel(ctx: BuildContext, assessment: Assessment): Txt {
  return ctx.L.common(`mode.${assessment.mode}`);
}

/**
 * "Self-assessed vs assessed": both assessments as two series on the domain radar, both scores per
 * capability, and the indicators whose levels differ by one or more. Only ratings and scores of
 * the other assessment are shown, never its notes or names.
 */
export function comparisonSection(ctx: BuildContext): Block[] {
  const other = ctx.input.comparison;
  if (!other) return [];
  const { L, assessment } = ctx;
  const differences = differencesTable(ctx, other);
  return [
    { kind: 'heading', level: 2, text: L.t('comparison.heading') },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: L.t('comparison.intro', (l) => ({ title: assessment.title, mode: L.commonIn(l, `mode.${assessment.mode}`), other: other.assessment.title, otherMode: L.commonIn(l, `mode.${other.assessment.mode}`) })),
    },
    { kind: 'chart', chart: radar(ctx, other), fallback: domainTable(ctx, other), fallbackNote: L.t('chartFallback') },
    { kind: 'heading', level: 3, text: L.t('comparison.capabilities') },
    capabilityTable(ctx, other),
    { kind: 'heading', level: 3, text: L.t('comparison.differences') },
    ...(differences.rows.length === 0
      ? [{ kind: 'paragraph', text: L.t('comparison.noDifferences'), tone: 'muted' } as const]
      : [{ kind: 'paragraph', text: L.t('comparison.differencesIntro', { count: differences.rows.length }), tone: 'muted' } as const, differences]),
  ];
}

function columnsFor(ctx: BuildContext, other: ReportComparison, first: Txt, firstWidth: number) {
  const { L, assessment } = ctx;
  const rest = (100 - firstWidth) / 3;
  return [
    { header: first, width: firstWidth },
    { header: seriesLabel(ctx, assessment), width: rest, numeric: true },
    { header: seriesLabel(ctx, other.assessment), width: rest, numeric: true },
    { header: L.t('comparison.difference'), width: rest, numeric: true },
  ];
}

function scoreCells(ctx: BuildContext, mine: number | null, theirs: number | null) {
  const { L } = ctx;
  return [
    figure(fmtScore(mine, L.primary), L.t('notScored')),
    figure(fmtScore(theirs, L.primary), L.t('notScored')),
    figure(mine === null || theirs === null ? null : fmtSigned(mine - theirs, L.primary), L.t('notScored')),
  ];
}

function domainTable(ctx: BuildContext, other: ReportComparison): TableBlock {
  const { L, input } = ctx;
  return {
    kind: 'table',
    rowHeaders: true,
    columns: columnsFor(ctx, other, L.t('domain'), 40),
    rows: input.framework.domains.map((domain, i) => [
      cell(L.each((l) => `${i + 1}. ${domainLabel(domain, l)}`)),
      ...scoreCells(ctx, input.scores.domains[i]?.mean ?? null, other.scores.domains[i]?.mean ?? null),
    ]),
  };
}

function capabilityTable(ctx: BuildContext, other: ReportComparison): TableBlock {
  const { L, input } = ctx;
  return {
    kind: 'table',
    rowHeaders: true,
    columns: columnsFor(ctx, other, L.t('comparison.capability'), 46),
    rows: input.framework.domains.flatMap((domain, d) =>
      domain.capabilities.map((capability, c) => [
        cell(L.each((l) => `${d + 1}.${c + 1} ${pickText(capability.title, l)}`)),
        ...scoreCells(ctx, input.scores.domains[d]?.capabilities[c]?.mean ?? null, other.scores.domains[d]?.capabilities[c]?.mean ?? null),
      ]),
    ),
  };
}

function differencesTable(ctx: BuildContext, other: ReportComparison): TableBlock {
  const { L, input, assessment } = ctx;
  const rows = input.framework.domains.flatMap((domain, d) =>
    domain.capabilities.flatMap((capability, c) =>
      capability.indicators.flatMap((indicator, i) => {
        const mine = assessment.responses[indicator.id];
        const theirs = other.assessment.responses[indicator.id];
        const distance = levelDistance(mine?.rating, theirs?.rating);
        if (distance === null || distance < 1) return [];
        const signedLevels = (mine!.rating as { level: number }).level - (theirs!.rating as { level: number }).level;
        return [
          [
            cell(plain(`${d + 1}.${c + 1}.${i + 1}`), muted(L.text(indicator.question))),
            cell(ratingText(ctx, mine)),
            cell(ratingText(ctx, theirs)),
            figure(fmtSigned(signedLevels, L.primary, 0), L.t('notScored')),
          ],
        ];
      }),
    ),
  );
  return { kind: 'table', columns: columnsFor(ctx, other, L.t('indicator'), 40), rows };
}

function radar(ctx: BuildContext, other: ReportComparison): RadarChart {
  const { L, input, assessment } = ctx;
  const domains = input.framework.domains;
  const values = (scores: AssessmentScores) => domains.map((_, i) => scores.domains[i]?.mean ?? null);
  return {
    title: L.t('comparison.chartTitle'),
    description: L.t('comparison.chartDescription', (l) => ({
      summary: domains
        .map((d, i) => {
          const notScored = L.in(l, 'notScored');
          return `${i + 1}. ${domainLabel(d, l)}: ${fmtScore(input.scores.domains[i]?.mean ?? null, l) ?? notScored} / ${fmtScore(other.scores.domains[i]?.mean ?? null, l) ?? notScored}`;
        })
        .join('; '),
    })),
    axes: domains.map((d, i) => L.each((l) => `${i + 1}. ${domainLabel(d, l)}`)),
    series: [
      { label: seriesLabel(ctx, other.assessment), detail: other.assessment.title, values: values(other.scores), style: 'dashed', color: '#8a4b08' },
      { label: seriesLabel(ctx, assessment), detail: assessment.title, values: values(input.scores), style: 'solid', color: '#1f4e79' },
    ],
  };
}
