import { pickText } from '../../model/pick-text';
import { effortBands, phases } from '../../model/vocabulary';
import type { Recommendation } from '../../planning/types';
import type { BuildContext } from '../build-context';
import { cell, figure, muted, plain, strong } from '../cells';
import type { Block, Cell, Line, Txt } from '../document';
import { userText } from '../document';
import { fmtCount } from '../format';
import { capabilityCell, recommendationLines } from './priorities';

/** Plan report: recommendations, effort per phase and the team's own actions. */
export function planSections(ctx: BuildContext): Block[] {
  return [...contextSection(ctx), ...recommendationsSection(ctx), ...effortSection(ctx), ...customActionsSection(ctx)];
}

function scaleText(ctx: BuildContext, value: number | undefined): Txt {
  return value === undefined ? ctx.L.t('notStated') : ctx.L.t(`scale.${value as 0 | 1 | 2 | 3}`);
}

/** The country-selection factors of the Basic Policy, beside the plan they shape. */
function contextSection(ctx: BuildContext): Block[] {
  const { L, assessment, input } = ctx;
  const context = assessment.context;
  const donors: Line[] = input.framework.domains.flatMap((domain, i) => {
    const support = context.donorSupport[domain.id];
    if (!support || support.extent === 0) return [];
    return [
      { text: L.each((l) => `${i + 1}. ${pickText(domain.shortTitle ?? domain.title, l)}: ${L.in(l, `donorExtent.${support.extent as 1 | 2 | 3}`)}`) },
      ...(support.who.trim() ? [muted(userText(support.who))] : []),
    ];
  });
  return [
    { kind: 'heading', level: 2, text: L.t('context.heading') },
    {
      kind: 'facts',
      rows: [
        { label: L.t('context.japaneseBusiness'), value: [{ text: scaleText(ctx, context.japaneseBusinessPresence) }] },
        { label: L.t('context.networkNode'), value: [{ text: scaleText(ctx, context.networkNodeImportance) }] },
        { label: L.t('context.absorptive'), value: [{ text: scaleText(ctx, context.absorptiveCapacity) }] },
        { label: L.t('context.donors'), value: donors.length ? donors : [{ text: L.t('context.noDonors') }] },
        ...(context.notes.trim() ? [{ label: L.t('notes'), value: [{ text: userText(context.notes) }] }] : []),
      ],
    },
  ];
}

function overlapCell(ctx: BuildContext, rec: Recommendation): Cell {
  if (!rec.donorOverlap) return cell(ctx.L.t('plan.noOverlap'));
  const { extent, who } = rec.donorOverlap;
  const band = Math.min(3, Math.max(1, extent)) as 1 | 2 | 3;
  return cell(strong(ctx.L.t('plan.overlap', (l) => ({ extent: ctx.L.in(l, `donorExtent.${band}`) }))), who.trim() ? muted(userText(who)) : null);
}

function decisionCell(ctx: BuildContext, rec: Recommendation): Cell {
  const note = rec.decisionNote ?? ctx.assessment.plan.decisions[rec.id]?.note;
  return cell(rec.decision === 'rejected' ? strong(ctx.L.t(`decision.${rec.decision}`)) : ctx.L.t(`decision.${rec.decision}`), note?.trim() ? muted(userText(note)) : null);
}

function effortCell(ctx: BuildContext, effort: Recommendation['effort']): Cell {
  return effort ? cell(plain(effort), muted(ctx.L.t(`effort.${effort}`))) : cell(ctx.L.t('notStated'));
}

function recommendationsSection(ctx: BuildContext): Block[] {
  const { L, input } = ctx;
  const recs = input.plan.recommendations;
  const heading: Block = { kind: 'heading', level: 2, text: L.t('plan.heading') };
  if (recs.length === 0) return [heading, { kind: 'paragraph', text: L.t('plan.none') }];
  return [
    heading,
    { kind: 'paragraph', text: L.t('plan.intro'), tone: 'muted' },
    {
      kind: 'table',
      columns: [
        { header: plain('#'), width: 5, numeric: true },
        { header: L.t('capability'), width: 20, freeText: true },
        { header: L.t('plan.programme'), width: 27, freeText: true },
        { header: L.t('plan.phase'), width: 10 },
        { header: L.t('plan.effort'), width: 10 },
        { header: L.t('plan.donors'), width: 14, freeText: true },
        { header: L.t('plan.decision'), width: 14, freeText: true },
      ],
      sizedByContent: true,
      rows: recs.map((rec, i) => [
        figure(fmtCount(i + 1, L.primary), L.t('notStated')),
        capabilityCell(ctx, rec.capabilityId),
        { lines: recommendationLines(ctx, rec) },
        cell(L.t(`phase.${rec.phase}`)),
        effortCell(ctx, rec.effort),
        overlapCell(ctx, rec),
        decisionCell(ctx, rec),
      ]),
    },
  ];
}

function effortSection(ctx: BuildContext): Block[] {
  const { L, input } = ctx;
  const byPhase = input.plan.effortByPhase;
  return [
    { kind: 'heading', level: 3, text: L.t('plan.effortHeading') },
    { kind: 'paragraph', text: L.t('plan.effortIntro'), tone: 'muted' },
    {
      kind: 'table',
      rowHeaders: true,
      columns: [
        { header: L.t('plan.phase'), width: 32 },
        ...effortBands.map((band) => ({ header: L.t(`effortColumn.${band}`), width: 17, numeric: true })),
        { header: L.t('total'), width: 17, numeric: true },
      ],
      rows: phases.map((phase) => {
        const counts = byPhase[phase];
        const total = effortBands.reduce((sum, band) => sum + (counts?.[band] ?? 0), 0);
        return [cell(L.t(`phase.${phase}`)), ...effortBands.map((band) => figure(fmtCount(counts?.[band] ?? 0, L.primary), L.t('notStated'))), figure(fmtCount(total, L.primary), L.t('notStated'))];
      }),
    },
  ];
}

function customActionsSection(ctx: BuildContext): Block[] {
  const { L, assessment } = ctx;
  const actions = assessment.plan.customActions;
  const heading: Block = { kind: 'heading', level: 3, text: L.t('plan.customHeading') };
  if (actions.length === 0) return [heading, { kind: 'paragraph', text: L.t('plan.noCustom'), tone: 'muted' }];
  return [
    heading,
    {
      kind: 'table',
      columns: [
        { header: L.t('plan.action'), width: 23, freeText: true },
        { header: L.t('capability'), width: 20, freeText: true },
        { header: L.t('plan.owner'), width: 14, freeText: true },
        { header: L.t('plan.phase'), width: 10 },
        { header: L.t('plan.effort'), width: 10 },
        { header: L.t('notes'), width: 23, freeText: true },
      ],
      sizedByContent: true,
      rows: actions.map((action) => [
        cell(userText(action.title)),
        capabilityCell(ctx, action.capabilityId),
        cell(action.owner.trim() ? userText(action.owner) : L.t('notStated')),
        cell(L.t(`phase.${action.phase}`)),
        effortCell(ctx, action.effort),
        cell(action.note.trim() ? userText(action.note) : null),
      ]),
    },
  ];
}
