import { countryName } from '../../model/countries';
import { pickText } from '../../model/pick-text';
import type { Block, Line, Txt } from '../document';
import { userText } from '../document';
import type { BuildContext } from '../build-context';
import { muted } from '../cells';
import { overallSentence } from './executive';
import { fmtDate, fmtDateTime } from '../format';

/** Who, where, when and how: the facts block at the top of every report. */
export function metaFacts(ctx: BuildContext): Block {
  const { L, assessment, input } = ctx;
  const { period } = assessment;
  const periodText =
    period.from || period.to
      ? L.each((l) => [period.from, period.to].map((d) => (d ? fmtDate(d, l) : '…')).join(' – '))
      : L.t('notStated');
  const team: Line[] =
    assessment.team.length === 0
      ? [{ text: L.t('notStated') }]
      : input.redact
        ? [{ text: L.t('teamWithheld', { count: assessment.team.length }) }]
        : assessment.team.map((m) => ({ text: userText(m.role.trim() ? `${m.name} (${m.role})` : m.name) }));
  const signOff: Line[] = assessment.signOff
    ? [
        { text: L.each((l) => fmtDateTime(new Date(assessment.signOff!.at), l, ctx.timeZone)) },
        ...(input.redact ? [] : [muted(userText(assessment.signOff.by))]),
      ]
    : [{ text: L.t('notSignedOff') }];
  const rows: Array<{ label: Txt; value: Line[] }> = [
    { label: L.t('country'), value: [{ text: L.each((l) => countryName(assessment.country, l)) }] },
    {
      label: L.t('scope'),
      value: [{ text: L.t(`scopeKind.${assessment.scope.kind}`) }, ...(assessment.scope.name.trim() ? [muted(userText(assessment.scope.name))] : [])],
    },
    { label: L.t('period'), value: [{ text: periodText }] },
    { label: L.t('mode'), value: [{ text: L.common(`mode.${assessment.mode}`) }] },
    { label: L.t('status'), value: [{ text: L.common(`status.${assessment.status}`) }] },
    { label: L.t('team'), value: team },
    { label: L.t('signOff'), value: signOff },
    { label: L.t('framework'), value: [{ text: L.each((l) => `${pickText(input.framework.title, l)} ${input.framework.version}`) }] },
    { label: L.t('coverage'), value: [{ text: L.t('coverageValue', { ...input.scores.overall }) }] },
    { label: L.t('overallScore'), value: [{ text: overallSentence(ctx) }] },
  ];
  if (input.baseline) rows.push({ label: L.t('baseline'), value: [{ text: userText(input.baseline.title) }] });
  return { kind: 'facts', rows };
}
