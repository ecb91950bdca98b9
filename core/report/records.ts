import { indicatorPlaces, indicatorNumber } from '../framework/summary';
import { pickText } from '../model/pick-text';
import { ratingText, type BuildContext } from './build-context';
import type { Txt } from './document';

/** One indicator as a data row, shared by the XLSX Indicators sheet and the CSV so both say the same. */
export interface IndicatorRecord {
  number: string;
  id: string;
  domain: Txt;
  capability: Txt;
  question: Txt;
  rating: Txt;
  /** The team's reason for N/A. */
  reason: string;
  level: number | null;
  confidence: Txt | null;
  flagged: boolean;
  notes: string;
  attachments: string;
  sessions: number;
  updatedAt: Date | null;
  updatedBy: string;
  /** The scores this indicator counts towards (null while unscored), so a data row carries them. */
  capabilityScore: number | null;
  domainScore: number | null;
}

export function indicatorRecords(ctx: BuildContext): IndicatorRecord[] {
  const { L, assessment, input } = ctx;
  return indicatorPlaces(input.framework).map(({ domain, capability, indicator }) => {
    const response = assessment.responses[indicator.id];
    const rating = response?.rating;
    const domainScore = input.scores.domains.find((d) => d.domainId === domain.id);
    const attachments = (response?.attachmentIds ?? []).flatMap((id) => assessment.attachments.filter((a) => a.id === id));
    return {
      number: indicatorNumber(input.framework, indicator.id),
      id: indicator.id,
      domain: L.each((l) => pickText(domain.title, l)),
      capability: L.each((l) => pickText(capability.title, l)),
      question: L.text(indicator.question),
      rating: ratingText(ctx, response),
      reason: rating?.kind === 'notApplicable' ? rating.reason : '',
      level: rating?.kind === 'level' ? rating.level : null,
      confidence: rating?.kind === 'level' && response?.confidence ? L.common(`confidence.${response.confidence}`) : null,
      flagged: response?.flagged ?? false,
      notes: response?.notes ?? '',
      attachments: attachments.map((a) => a.fileName).join('; '),
      sessions: response?.sessionIds.length ?? 0,
      updatedAt: response ? new Date(response.updatedAt) : null,
      updatedBy: response?.updatedBy ?? '',
      capabilityScore: domainScore?.capabilities.find((c) => c.capabilityId === capability.id)?.mean ?? null,
      domainScore: domainScore?.mean ?? null,
    };
  });
}

/** The other crosswalk sources, "BUDAPEST Art16; UNNORM c", for the XLSX. */
export function otherRefs(refs: ReadonlyArray<{ source: string; id: string }>, shown: readonly string[]): string {
  return refs
    .filter((r) => !shown.includes(r.source))
    .map((r) => `${r.source} ${r.id}`)
    .join('; ');
}
