import { pickText } from '../../model/pick-text';
import type { CapabilityScore } from '../../scoring/scores';
import type { BuildContext } from '../build-context';
import { ratingText } from '../build-context';
import { cell, figure, muted, plain, strong } from '../cells';
import type { Block, Cell, Line } from '../document';
import { userText } from '../document';
import { fmtBytes, fmtDate, fmtScore, fmtTarget } from '../format';
import { sessionInputsFor } from '../session-inputs';
import { coverageCell } from './findings';

/** Full report: every domain, capability and indicator with its rating, confidence, evidence and attachments. */
export function indicatorSections(ctx: BuildContext): Block[] {
  const { L, input } = ctx;
  return input.framework.domains.flatMap((domain, d) => {
    const domainScore = input.scores.domains.find((s) => s.domainId === domain.id);
    return [
      { kind: 'heading', level: 2, text: L.each((l) => `${d + 1}. ${pickText(domain.title, l)}`) } as Block,
      { kind: 'paragraph', text: L.text(domain.description), tone: 'muted' } as Block,
      ...domain.capabilities.flatMap((capability, c): Block[] => {
        const score = domainScore?.capabilities.find((s) => s.capabilityId === capability.id);
        return [
          { kind: 'heading', level: 3, text: L.each((l) => `${d + 1}.${c + 1} ${pickText(capability.title, l)}`) },
          scoreTable(ctx, score),
          {
            kind: 'table',
            columns: [
              { header: L.t('number'), width: 7 },
              { header: L.t('indicator'), width: 36 },
              { header: L.t('rating'), width: 20 },
              { header: L.t('notes'), width: 37 },
            ],
            rows: capability.indicators.map((indicator, i) => [
              cell(plain(`${d + 1}.${c + 1}.${i + 1}`)),
              cell(L.text(indicator.question)),
              ratingCell(ctx, indicator.id),
              evidenceCell(ctx, indicator.id),
            ]),
          },
        ];
      }),
    ];
  });
}

function scoreTable(ctx: BuildContext, score: CapabilityScore | undefined): Block {
  const { L } = ctx;
  return {
    kind: 'table',
    columns: [
      // Fixed shares, the same under every capability; wide enough for the longest headers ("Kesenjangan").
      { header: L.t('score'), width: 14, numeric: true },
      { header: L.t('weakest'), width: 14, numeric: true },
      { header: L.t('target'), width: 13, numeric: true },
      { header: L.t('gap'), width: 14, numeric: true },
      { header: L.t('coverage'), width: 24 },
      { header: L.t('confidence'), width: 21 },
    ],
    rows: [
      [
        figure(fmtScore(score?.mean ?? null, L.primary), L.t('notScored')),
        figure(fmtScore(score?.min ?? null, L.primary), L.t('notScored')),
        figure(score ? fmtTarget(score.target, L.primary) : null, L.t('notScored')),
        figure(fmtScore(score?.gap ?? null, L.primary), L.t('notScored')),
        coverageCell(ctx, score),
        cell(score ? L.t('confidenceValue', { ...score.confidence }) : null),
      ],
    ],
  };
}

function ratingCell(ctx: BuildContext, indicatorId: string): Cell {
  const { L } = ctx;
  const response = ctx.assessment.responses[indicatorId];
  const rating = response?.rating;
  const lines: Line[] = [{ text: ratingText(ctx, response) }];
  if (rating?.kind === 'notApplicable') lines.push(muted(userText(rating.reason)));
  if (rating?.kind === 'level' && response?.confidence) lines.push(muted(L.t('confidenceOf', (l) => ({ confidence: L.commonIn(l, `confidence.${response.confidence!}`) }))));
  if (response && response.sessionIds.length > 0) lines.push(muted(L.t('basedOnSessions', { count: response.sessionIds.length })));
  if (response?.flagged) lines.push(strong(L.t('flagged')));
  return { lines };
}

function evidenceCell(ctx: BuildContext, indicatorId: string): Cell {
  const { L, assessment } = ctx;
  const response = assessment.responses[indicatorId];
  const attachments = (response?.attachmentIds ?? []).flatMap((id) => assessment.attachments.filter((a) => a.id === id));
  const lines: Line[] = [];
  if (response?.notes.trim()) lines.push({ text: userText(response.notes) });
  if (attachments.length > 0) {
    lines.push(muted(L.t('attachments', { count: attachments.length })));
    for (const a of attachments) lines.push(muted(L.each((l) => `${a.fileName} (${fmtBytes(a.size, l)})`)));
  }
  return { lines: [...lines, ...sessionLines(ctx, indicatorId)] };
}

/** "Critical infrastructure operators, 4 Mar 2026 — suggested level 2", then what was said. */
function sessionLines(ctx: BuildContext, indicatorId: string): Line[] {
  const { L } = ctx;
  const inputs = sessionInputsFor(ctx, indicatorId);
  if (inputs.length === 0) return [];
  return [
    muted(L.t('sessionInputs.heading', { count: inputs.length })),
    ...inputs.flatMap(({ session, input, title, withheld }): Line[] => [
      strong(
        L.each((l) => {
          const source = L.in(l, 'sessionInputs.source', { cluster: L.in(l, `cluster.${session.cluster}`), date: fmtDate(session.date, l) });
          const named = title ? `${source} (${title})` : session.nonAttributable ? `${source} · ${L.in(l, 'sessionInputs.nonAttributable')}` : source;
          return input.level === undefined ? named : `${named} — ${L.in(l, 'sessionInputs.level', { level: input.level })}`;
        }),
      ),
      ...(withheld ? [muted(L.t('sessionInputs.withheld'))] : input.note.trim() ? [{ text: userText(input.note) }] : []),
    ]),
  ];
}
