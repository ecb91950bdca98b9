import { indicatorPlaces, indicatorNumber } from '../../framework/summary';
import type { CrosswalkRef } from '../../model/framework';
import type { BuildContext } from '../build-context';
import { cell, plain } from '../cells';
import type { Block } from '../document';

/** The reference frameworks the crosswalk appendix shows; others stay in the framework file and the XLSX. */
export const crosswalkColumns = ['CMM2021', 'GCI2024', 'NCAF1', 'NISTCSF2'] as const;
const crosswalkWidths: Record<(typeof crosswalkColumns)[number], number> = { CMM2021: 14, GCI2024: 20, NCAF1: 10, NISTCSF2: 14 };

export function refIds(refs: readonly CrosswalkRef[], source: string): string {
  return refs
    .filter((r) => r.source === source)
    .map((r) => r.id)
    .join(', ');
}

export function crosswalkAppendix(ctx: BuildContext): Block[] {
  const { L, input } = ctx;
  return [
    { kind: 'heading', level: 2, text: L.t('crosswalk.heading') },
    { kind: 'paragraph', text: L.t('crosswalk.intro'), tone: 'muted' },
    {
      kind: 'table',
      columns: [
        { header: L.t('number'), width: 7 },
        { header: L.t('crosswalk.indicatorId'), width: 35 },
        ...crosswalkColumns.map((source) => ({ header: plain(source), width: crosswalkWidths[source] })),
      ],
      rows: indicatorPlaces(input.framework).map(({ indicator }) => [
        cell(plain(indicatorNumber(input.framework, indicator.id))),
        cell(plain(indicator.id)),
        ...crosswalkColumns.map((source) => cell(plain(refIds(indicator.refs, source) || '–'))),
      ]),
      // Ids and reference names such as "CapacityDevelopment" are single long words: columns take their widths from them.
      sizedByContent: true,
    },
  ];
}
