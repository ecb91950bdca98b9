import { pickText } from '../../model/pick-text';
import type { CapabilityPriority, PriorityFactor, Recommendation } from '../../planning/types';
import type { BuildContext } from '../build-context';
import { cell, figure, muted, plain, strong } from '../cells';
import type { Block, Cell, Line } from '../document';
import { userText } from '../document';
import type { UiLanguage } from '../../../locales/languages';
import { fmtCount, fmtFactor, fmtScore, fmtTarget } from '../format';

/** Ranked capabilities, highest priority first; capabilities without a gap have no rank. */
export function rankedPriorities(ctx: BuildContext): CapabilityPriority[] {
  return ctx.input.plan.priorities.filter((p) => p.rank !== null).sort((a, b) => a.rank! - b.rank!);
}

export function capabilityCell(ctx: BuildContext, capabilityId: string): Cell {
  const place = ctx.lookup.capability(capabilityId);
  if (!place) return cell(plain(capabilityId));
  return cell(
    ctx.L.each((l) => `${place.number} ${pickText(place.capability.title, l)}`),
    muted(ctx.L.each((l) => pickText(place.domain.shortTitle ?? place.domain.title, l))),
  );
}

/** What a recommendation is, in the reader's words: the programme and its provider, or the team's own action. */
export function recommendationLines(ctx: BuildContext, rec: Recommendation): Line[] {
  if (rec.kind === 'custom') {
    return [{ text: userText(rec.title ?? '') }, muted(ctx.L.t('plan.teamAction'))];
  }
  const programme = rec.programmeId ? ctx.lookup.programme(rec.programmeId) : undefined;
  if (!programme) return [{ text: plain(rec.programmeId ?? rec.id) }];
  return [{ text: ctx.L.text(programme.name) }, muted(ctx.L.text(programme.provider))];
}

function priorityFormula(p: CapabilityPriority, language: UiLanguage): string {
  return `${fmtGap(p.gap, language)} × ${fmtFactor(p.importance.value, language)} × ${fmtFactor(p.feasibility.value, language)}`;
}

function fmtGap(gap: number | null, language: UiLanguage): string {
  return gap === null ? '–' : fmtFactor(gap, language);
}

/** A summary names the first few recommendations per capability; the plan report lists them all. */
const shownProgrammes = 3;

/** Summary report: the top five priorities and the programmes recommended for them. */
export function topPrioritiesSection(ctx: BuildContext, limit = 5): Block[] {
  const { L } = ctx;
  const ranked = rankedPriorities(ctx).slice(0, limit);
  const heading: Block = { kind: 'heading', level: 2, text: L.t('priorities.topHeading', { count: limit }) };
  if (ranked.length === 0) return [heading, { kind: 'paragraph', text: L.t('priorities.none') }];
  const rows = ranked.map((p) => {
    const recs = ctx.input.plan.recommendations.filter((r) => r.capabilityId === p.capabilityId && r.decision !== 'rejected');
    return [
      figure(fmtCount(p.rank!, L.primary), L.t('notScored')),
      capabilityCell(ctx, p.capabilityId),
      cell(plain(`${fmtScore(p.score, L.primary) ?? '–'} → ${fmtTarget(p.target, L.primary)}`)),
      figure(p.gap === null ? null : fmtFactor(p.gap, L.primary), L.t('notScored')),
      figure(fmtFactor(p.priority, L.primary), L.t('notScored'), muted(plain(priorityFormula(p, L.primary)))),
      recs.length === 0
        ? cell(L.t('priorities.noProgramme'))
        : {
            lines: [
              ...recs.slice(0, shownProgrammes).flatMap((r) => recommendationLines(ctx, r)),
              ...(recs.length > shownProgrammes ? [muted(L.t('priorities.more', { count: recs.length - shownProgrammes }))] : []),
            ],
          },
    ];
  });
  return [
    heading,
    { kind: 'paragraph', text: L.t('priorities.topIntro'), tone: 'muted' },
    {
      kind: 'table',
      columns: [
        { header: L.t('rank'), width: 7, numeric: true },
        { header: L.t('capability'), width: 23, freeText: true },
        { header: L.t('scoreToTarget'), width: 11 },
        { header: L.t('gap'), width: 9, numeric: true },
        { header: L.t('priority'), width: 12, numeric: true },
        { header: L.t('priorities.programmes'), width: 38, freeText: true },
      ],
      rows,
      sizedByContent: true,
    },
  ];
}

function importanceCell(ctx: BuildContext, p: CapabilityPriority): Cell {
  const { L } = ctx;
  const factor = p.importance;
  const word = (value: number) => (value >= 1 && value <= 3 ? value : 2) as 1 | 2 | 3;
  const frameworkWeight = ctx.lookup.capability(p.capabilityId)?.capability.importance ?? factor.value;
  const explanation =
    factor.source === 'team'
      ? L.t('factor.teamWeight', (l) => ({ value: fmtFactor(factor.value, l), word: L.in(l, `importanceWord.${word(factor.value)}`), framework: fmtFactor(frameworkWeight, l) }))
      : L.t('factor.frameworkWeight', (l) => ({ value: fmtFactor(factor.value, l), word: L.in(l, `importanceWord.${word(factor.value)}`) }));
  return cell(strong(plain(fmtFactor(factor.value, L.primary))), muted(explanation), factor.note?.trim() ? muted(userText(factor.note)) : null);
}

/** Feasibility with each context adjustment in the reader's language (the planner's own words are English). */
function feasibilityCell(ctx: BuildContext, factor: PriorityFactor): Cell {
  const { L } = ctx;
  const lines: Line[] = (factor.parts ?? []).map((part) => {
    const multiplier = (l: UiLanguage) => ({ multiplier: fmtFactor(part.multiplier, l) });
    if (part.kind === 'donorSupport') {
      if (part.value === null) return muted(L.t('factor.donorNotRecorded', multiplier));
      if (part.value === 0) return muted(L.t('factor.donorNone', multiplier));
      const band = Math.min(3, part.value) as 1 | 2 | 3;
      return muted(L.t('factor.donor', (l) => ({ extent: L.in(l, `donorExtent.${band}`), ...multiplier(l) })));
    }
    if (part.value === null) return muted(L.t('factor.absorptiveNotRecorded', multiplier));
    return muted(L.t('factor.absorptive', (l) => ({ level: L.in(l, `scale.${Math.min(3, part.value!) as 0 | 1 | 2 | 3}`), ...multiplier(l) })));
  });
  if (lines.length === 0 && factor.explanation) lines.push(muted(plain(factor.explanation)));
  return cell(strong(plain(fmtFactor(factor.value, L.primary))), muted(L.t(`factorSource.${factor.source}`)), ...lines);
}

/** Plan report: every ranked capability with its factors and where each came from. */
export function prioritiesTableSection(ctx: BuildContext): Block[] {
  const { L } = ctx;
  const ranked = rankedPriorities(ctx);
  const unranked = ctx.input.plan.priorities.length - ranked.length;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: L.t('priorities.heading') },
    { kind: 'paragraph', text: L.t('priorities.intro'), tone: 'muted' },
  ];
  if (ranked.length === 0) return [...blocks, { kind: 'paragraph', text: L.t('priorities.none') }];
  blocks.push({
    kind: 'table',
    columns: [
      { header: L.t('rank'), width: 7, numeric: true },
      { header: L.t('capability'), width: 20, freeText: true },
      { header: L.t('scoreToTarget'), width: 11 },
      { header: L.t('gap'), width: 9, numeric: true },
      { header: L.t('importance'), width: 19, freeText: true },
      { header: L.t('feasibility'), width: 23, freeText: true },
      { header: L.t('priority'), width: 11, numeric: true },
    ],
    sizedByContent: true,
    rows: ranked.map((p) => [
      figure(fmtCount(p.rank!, L.primary), L.t('notScored')),
      capabilityCell(ctx, p.capabilityId),
      cell(plain(`${fmtScore(p.score, L.primary) ?? '–'} → ${fmtTarget(p.target, L.primary)}`)),
      figure(p.gap === null ? null : fmtFactor(p.gap, L.primary), L.t('notScored')),
      importanceCell(ctx, p),
      feasibilityCell(ctx, p.feasibility),
      figure(fmtFactor(p.priority, L.primary), L.t('notScored'), muted(plain(priorityFormula(p, L.primary)))),
    ]),
  });
  if (unranked > 0) blocks.push({ kind: 'paragraph', text: L.t('priorities.unranked', { count: unranked }), tone: 'muted' });
  return blocks;
}
