import { domainLabel } from '../../framework/summary';
import { pickText } from '../../model/pick-text';
import type { DomainScore } from '../../scoring/scores';
import type { BuildContext } from '../build-context';
import { cell, figure, muted, plain } from '../cells';
import type { Block, Cell, Column, RadarChart, TableBlock } from '../document';
import { fmtScore, fmtTarget } from '../format';

/** Key findings per domain: score, weakest link, target, gap, coverage and confidence, with the radar. */
export function findingsSection(ctx: BuildContext): Block[] {
  const { L } = ctx;
  return [
    { kind: 'heading', level: 2, text: L.t('findings.heading') },
    { kind: 'paragraph', text: L.t('findings.intro'), tone: 'muted' },
    { kind: 'chart', chart: radar(ctx), fallback: chartTable(ctx), fallbackNote: L.t('chartFallback') },
    findingsTable(ctx),
  ];
}

function baselineScore(ctx: BuildContext, domainId: string): number | null {
  return ctx.input.baseline?.scores.domains.find((d) => d.domainId === domainId)?.mean ?? null;
}

function findingsTable(ctx: BuildContext): TableBlock {
  const { L, input } = ctx;
  const hasBaseline = input.baseline !== undefined;
  const columns: Column[] = [
    { header: L.t('domain'), width: hasBaseline ? 19 : 22, freeText: true },
    { header: L.t('score'), width: 8, numeric: true },
    { header: L.t('weakest'), width: hasBaseline ? 17 : 20, freeText: true },
    { header: L.t('target'), width: 7, numeric: true },
    { header: L.t('gap'), width: 9, numeric: true },
    ...(hasBaseline ? [{ header: L.t('baseline'), width: 10, numeric: true }] : []),
    { header: L.t('coverage'), width: 15, freeText: true },
    { header: L.t('confidence'), width: hasBaseline ? 15 : 19, freeText: true },
  ];
  const rows = input.framework.domains.map((domain, d) => {
    const score = input.scores.domains.find((s) => s.domainId === domain.id);
    const cells: Cell[] = [
      cell(L.each((l) => `${d + 1}. ${pickText(domain.title, l)}`)),
      figure(fmtScore(score?.mean ?? null, ctx.L.primary), L.t('notScored')),
      weakestCell(ctx, score),
      figure(score ? fmtTarget(score.target, ctx.L.primary) : null, L.t('notScored')),
      figure(fmtScore(score?.gap ?? null, ctx.L.primary), L.t('notScored')),
      ...(hasBaseline ? [figure(fmtScore(baselineScore(ctx, domain.id), ctx.L.primary), L.t('notScored'))] : []),
      coverageCell(ctx, score),
      cell(score ? L.t('confidenceValue', { ...score.confidence }) : null),
    ];
    return cells;
  });
  return { kind: 'table', columns, rows, rowHeaders: true, sizedByContent: true };
}


/** The weakest capability by name as well as by number: "which part is weakest" is what a reader acts on. */
function weakestCell(ctx: BuildContext, score: DomainScore | undefined): Cell {
  const weakest = score?.capabilities.filter((c) => c.mean !== null && c.mean === score.min)[0];
  const place = weakest ? ctx.lookup.capability(weakest.capabilityId) : undefined;
  const value = fmtScore(score?.min ?? null, ctx.L.primary);
  return cell(value === null ? ctx.L.t('notScored') : plain(value), place ? muted(ctx.L.each((l) => `${place.number} ${pickText(place.capability.title, l)}`)) : null);
}

export function coverageCell(ctx: BuildContext, score: { coverage: DomainScore['coverage'] } | undefined): Cell {
  if (!score) return cell(null);
  const c = score.coverage;
  return cell(ctx.L.t('answeredOf', { count: c.answered, total: c.total }), muted(ctx.L.t('coverageDetail', { rated: c.rated, notApplicable: c.notApplicable, unknown: c.unknown })));
}

function radar(ctx: BuildContext): RadarChart {
  const { L, input } = ctx;
  const domains = input.framework.domains;
  const scoreOf = (id: string) => input.scores.domains.find((s) => s.domainId === id);
  const series: RadarChart['series'] = [
    { label: L.t('target'), values: domains.map((d) => scoreOf(d.id)?.target ?? null), style: 'dashed', color: '#555555' },
    ...(input.baseline
      ? [{ label: L.t('baseline'), detail: input.baseline.title, values: domains.map((d) => baselineScore(ctx, d.id)), style: 'dotted' as const, color: '#000000' }]
      : []),
    { label: L.t('score'), values: domains.map((d) => scoreOf(d.id)?.mean ?? null), style: 'solid', color: '#1f4e79' },
  ];
  return {
    title: L.t('chartTitle'),
    description: L.t('chartDescription', (l) => ({
      summary: domains
        .map((d, i) => {
          const s = scoreOf(d.id);
          const notScored = L.in(l, 'notScored');
          return `${i + 1}. ${domainLabel(d, l)}: ${fmtScore(s?.mean ?? null, l) ?? notScored} / ${s ? fmtTarget(s.target, l) : notScored}`;
        })
        .join('; '),
    })),
    axes: domains.map((d, i) => L.each((l) => `${i + 1}. ${domainLabel(d, l)}`)),
    series,
  };
}

/** The radar's numbers, for formats that cannot show the picture. */
function chartTable(ctx: BuildContext): TableBlock {
  const { L, input } = ctx;
  const hasBaseline = input.baseline !== undefined;
  return {
    kind: 'table',
    rowHeaders: true,
    columns: [
      { header: L.t('domain'), width: hasBaseline ? 49 : 60 },
      { header: L.t('score'), width: hasBaseline ? 17 : 20, numeric: true },
      { header: L.t('target'), width: hasBaseline ? 17 : 20, numeric: true },
      ...(hasBaseline ? [{ header: L.t('baseline'), width: 17, numeric: true }] : []),
    ],
    rows: input.framework.domains.map((domain, i) => {
      const s = input.scores.domains.find((x) => x.domainId === domain.id);
      return [
        cell(L.each((l) => `${i + 1}. ${domainLabel(domain, l)}`)),
        figure(fmtScore(s?.mean ?? null, ctx.L.primary), L.t('notScored')),
        figure(s ? fmtTarget(s.target, ctx.L.primary) : null, L.t('notScored')),
        ...(hasBaseline ? [figure(fmtScore(baselineScore(ctx, domain.id), ctx.L.primary), L.t('notScored'))] : []),
      ];
    }),
  };
}
