import type { BuildContext } from './build-context';
import { toCsv, type CsvValue } from './csv';
import type { Txt } from './document';
import { indicatorRecords } from './records';

/** Stable column names for scripts; a bilingual export adds "<name>_<lang>" columns for the second language. */
const labelColumns = ['domain', 'capability', 'question', 'rating'] as const;

/** Two decimals, as the reports show them; a script needs no 1.8333333333333333. */
function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/**
 * One row per indicator: number, id, domain, capability, question, rating, level, confidence,
 * notes, flagged, and the capability, domain and overall scores it counts towards (empty while
 * unscored; the overall score stays empty until every domain has one). Texts are in the report language; level is a number, flagged true/false.
 */
export function renderCsv(ctx: BuildContext): string {
  const second = ctx.L.languages[1];
  const header: string[] = [
    'number',
    'id',
    ...labelColumns,
    'level',
    'confidence',
    'notes',
    'flagged',
    'reason',
    'capability_score',
    'domain_score',
    'overall_score',
    ...(second ? labelColumns.map((c) => `${c}_${second}`) : []),
  ];
  const overall = rounded(ctx.input.scores.overallMean);
  const part = (text: Txt | null, i: number): CsvValue => (text ? (text.parts[i] ?? text.parts[0] ?? '') : '');
  const rows = indicatorRecords(ctx).map((r): CsvValue[] => [
    r.number,
    r.id,
    part(r.domain, 0),
    part(r.capability, 0),
    part(r.question, 0),
    part(r.rating, 0),
    r.level,
    part(r.confidence, 0),
    r.notes,
    r.flagged,
    r.reason,
    rounded(r.capabilityScore),
    rounded(r.domainScore),
    overall,
    ...(second ? [part(r.domain, 1), part(r.capability, 1), part(r.question, 1), part(r.rating, 1)] : []),
  ]);
  return toCsv([header, ...rows]);
}
