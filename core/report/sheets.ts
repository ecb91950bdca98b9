import { fmtDateTime, wallClock } from './format';
import { countryName } from '../model/countries';
import { pickText } from '../model/pick-text';
import type { DomainScore } from '../scoring/scores';
import type { BuildContext } from './build-context';
import { flat, type Txt } from './document';
import { translationNote } from './translation-note';
import type { ReportKey } from './labels';
import { crosswalkColumns, refIds } from './sections/crosswalk';
import { shownOrganisations } from './redact';
import { indicatorRecords, otherRefs } from './records';
import { sessionInputsFor } from './session-inputs';
import { indicatorNumber, indicatorPlaces } from '../framework/summary';

export type SheetValue = string | number | boolean | Date | null;

export interface SheetColumn {
  header: string;
  /** In characters, as spreadsheets measure it. */
  width: number;
  /** `score`: a figure shown with two decimals; `number`: a count or level. */
  type: 'text' | 'number' | 'score' | 'date' | 'datetime' | 'boolean';
  wrap?: boolean;
}

/** A sheet as data: the header row, typed rows under it, and optional rows after the table (kept out of the filter). */
export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: SheetValue[][];
  after?: SheetValue[][];
}

type Header = ReportKey | { plain: string };

/** A column whose value is computed per row; a `label` column has one spreadsheet column per report language. */
type Spec<R> =
  | { header: Header; width: number; type: Exclude<SheetColumn['type'], 'text'>; get: (r: R) => SheetValue }
  | { header: Header; width: number; type: 'text'; wrap?: boolean; get: (r: R) => string | null }
  | { header: Header; width: number; type: 'label'; wrap?: boolean; get: (r: R) => Txt | null };

function headerIn(ctx: BuildContext, header: Header, language: (typeof ctx.L.languages)[number]): string {
  return typeof header === 'string' ? ctx.L.in(language, header) : header.plain;
}

function build<R>(ctx: BuildContext, specs: ReadonlyArray<Spec<R>>, records: readonly R[]): Pick<Sheet, 'columns' | 'rows'> {
  const { languages } = ctx.L;
  const bilingual = languages.length > 1;
  const columns: SheetColumn[] = specs.flatMap((spec): SheetColumn[] => {
    if (spec.type === 'label') {
      return languages.map((l) => ({ header: bilingual ? `${headerIn(ctx, spec.header, l)} (${l})` : headerIn(ctx, spec.header, l), width: spec.width, type: 'text', wrap: spec.wrap ?? false }));
    }
    const header = [...new Set(languages.map((l) => headerIn(ctx, spec.header, l)))].join(' / ');
    return [{ header, width: spec.width, type: spec.type, ...(spec.type === 'text' ? { wrap: spec.wrap ?? false } : {}) }];
  });
  const rows = records.map((record) =>
    specs.flatMap((spec): SheetValue[] => {
      if (spec.type !== 'label') return [spec.get(record as R)];
      const text = spec.get(record);
      // A person's text exists in one language: it fills the first column only.
      return languages.map((_, i) => (text ? (text.user ? (i === 0 ? text.parts[0]! : null) : (text.parts[i] ?? text.parts[0]!)) : null));
    }),
  );
  return { columns, rows };
}

/** Summary, Indicators, Capabilities, Plan, Sessions, Session inputs and Crosswalk: the analyst's workbook. */
export function workbookSheets(ctx: BuildContext): Sheet[] {
  return [summarySheet(ctx), indicatorsSheet(ctx), capabilitiesSheet(ctx), planSheet(ctx), sessionsSheet(ctx), sessionInputsSheet(ctx), crosswalkSheet(ctx)];
}

function summarySheet(ctx: BuildContext): Sheet {
  const { L, input, assessment } = ctx;
  const baseline = input.baseline;
  type Counts = Pick<DomainScore, 'coverage' | 'confidence'>;
  /** `overall` only on the all-domains row: the one overall score (scores.overallMean), empty while there is none. */
  type Row = { number: number | null; id: string; title: Txt; s: DomainScore | null; totals?: Counts; overall?: number | null; baseline: number | null };
  const records: Row[] = input.framework.domains.map((domain, i) => ({
    number: i + 1,
    id: domain.id,
    title: L.text(domain.title),
    s: input.scores.domains.find((d) => d.domainId === domain.id) ?? null,
    baseline: baseline?.scores.domains.find((d) => d.domainId === domain.id)?.mean ?? null,
  }));
  const specs: Array<Spec<Row>> = [
    { header: 'number', width: 6, type: 'number', get: (r) => r.number },
    { header: 'columns.domainId', width: 14, type: 'text', get: (r) => r.id },
    { header: 'domain', width: 40, type: 'label', wrap: true, get: (r) => r.title },
    { header: 'scoreShort', width: 9, type: 'score', get: (r) => r.s?.mean ?? r.overall ?? null },
    { header: 'weakest', width: 9, type: 'score', get: (r) => r.s?.min ?? null },
    { header: 'target', width: 9, type: 'score', get: (r) => r.s?.target ?? null },
    { header: 'gap', width: 9, type: 'score', get: (r) => r.s?.gap ?? null },
    ...(baseline ? [{ header: 'baseline', width: 10, type: 'score', get: (r) => r.baseline } as Spec<Row>] : []),
    ...coverageSpecs<Row>((r) => r.s ?? r.totals ?? null),
  ];
  const table = build(ctx, specs, records);
  const overall = input.scores.overall;
  const confidence = input.scores.domains.reduce(
    (sum, d) => ({ high: sum.high + d.confidence.high, medium: sum.medium + d.confidence.medium, low: sum.low + d.confidence.low, unstated: sum.unstated + d.confidence.unstated }),
    { high: 0, medium: 0, low: 0, unstated: 0 },
  );
  const totals = { coverage: overall, confidence };
  const totalRow = build(ctx, specs, [{ number: null, id: '', title: L.t('columns.overall'), s: null, totals, overall: input.scores.overallMean, baseline: null }]).rows[0]!;
  const note = translationNote(L);
  const fact = (key: ReportKey, value: SheetValue): SheetValue[] => [L.languages.map((l) => L.in(l, key)).join(' / '), value];
  const after: SheetValue[][] = [
    [],
    [L.languages.map((l) => L.in(l, 'columns.field')).join(' / '), L.languages.map((l) => L.in(l, 'columns.value')).join(' / ')],
    fact('columns.title', assessment.title),
    fact('country', L.languages.map((l) => countryName(assessment.country, l)).join(' / ')),
    ['ISO 3166-1', assessment.country],
    fact('scope', `${L.languages.map((l) => L.in(l, `scopeKind.${assessment.scope.kind}`)).join(' / ')}${assessment.scope.name ? `: ${assessment.scope.name}` : ''}`),
    fact('period', assessment.period.from ? isoDate(assessment.period.from) : null),
    ['', assessment.period.to ? isoDate(assessment.period.to) : null],
    fact('mode', L.languages.map((l) => L.commonIn(l, `mode.${assessment.mode}`)).join(' / ')),
    fact('status', L.languages.map((l) => L.commonIn(l, `status.${assessment.status}`)).join(' / ')),
    fact('team', input.redact ? L.in(L.primary, 'teamWithheld', { count: assessment.team.length }) : assessment.team.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join('; ')),
    fact('framework', `${pickText(input.framework.title, L.primary)} ${input.framework.version}`),
    fact('coverage', L.in(L.primary, 'coverageValue', { ...overall })),
    ['CCAT', `${input.appVersion} · ${fmtDateTime(input.generatedAt, L.primary, ctx.timeZone)}`],
    ...(note ? [fact('columns.translation', flat(note))] : []),
  ];
  return { name: 'Summary', ...table, rows: [...table.rows, totalRow], after };
}

function isoDate(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

function coverageSpecs<R>(get: (r: R) => Pick<DomainScore, 'coverage' | 'confidence'> | null): Array<Spec<R>> {
  return [
    { header: 'columns.indicators', width: 10, type: 'number', get: (r) => get(r)?.coverage.total ?? null },
    { header: 'columns.answered', width: 10, type: 'number', get: (r) => get(r)?.coverage.answered ?? null },
    { header: 'columns.rated', width: 9, type: 'number', get: (r) => get(r)?.coverage.rated ?? null },
    { header: 'columns.notApplicable', width: 8, type: 'number', get: (r) => get(r)?.coverage.notApplicable ?? null },
    { header: 'columns.unknown', width: 9, type: 'number', get: (r) => get(r)?.coverage.unknown ?? null },
    { header: 'columns.confidenceHigh', width: 11, type: 'number', get: (r) => get(r)?.confidence.high ?? null },
    { header: 'columns.confidenceMedium', width: 11, type: 'number', get: (r) => get(r)?.confidence.medium ?? null },
    { header: 'columns.confidenceLow', width: 11, type: 'number', get: (r) => get(r)?.confidence.low ?? null },
    { header: 'columns.confidenceUnstated', width: 11, type: 'number', get: (r) => get(r)?.confidence.unstated ?? null },
  ];
}

function indicatorsSheet(ctx: BuildContext): Sheet {
  type R = ReturnType<typeof indicatorRecords>[number];
  const specs: Array<Spec<R>> = [
    { header: 'number', width: 8, type: 'text', get: (r) => r.number },
    { header: 'crosswalk.indicatorId', width: 30, type: 'text', get: (r) => r.id },
    { header: 'domain', width: 24, type: 'label', get: (r) => r.domain },
    { header: 'capability', width: 28, type: 'label', get: (r) => r.capability },
    { header: 'columns.question', width: 60, type: 'label', wrap: true, get: (r) => r.question },
    { header: 'rating', width: 24, type: 'label', get: (r) => r.rating },
    { header: 'notApplicable', width: 30, type: 'text', wrap: true, get: (r) => r.reason },
    { header: 'columns.level', width: 7, type: 'number', get: (r) => r.level },
    { header: 'columns.confidence', width: 12, type: 'label', get: (r) => r.confidence },
    { header: 'columns.flagged', width: 9, type: 'boolean', get: (r) => r.flagged },
    { header: 'notes', width: 60, type: 'text', wrap: true, get: (r) => r.notes },
    { header: 'columns.attachments', width: 30, type: 'text', wrap: true, get: (r) => r.attachments },
    { header: 'columns.sessions', width: 10, type: 'number', get: (r) => r.sessions },
    { header: { plain: `${ctx.L.languages.map((l) => ctx.L.in(l, 'columns.updatedAt')).join(' / ')} (${ctx.timeZone})` }, width: 24, type: 'datetime', get: (r) => r.updatedAt && wallClock(r.updatedAt, ctx.timeZone) },
    { header: 'columns.updatedBy', width: 16, type: 'text', get: (r) => r.updatedBy },
  ];
  return { name: 'Indicators', ...build(ctx, specs, indicatorRecords(ctx)) };
}

function capabilitiesSheet(ctx: BuildContext): Sheet {
  const { input, L } = ctx;
  const priorities = new Map(input.plan.priorities.map((p) => [p.capabilityId, p]));
  const records = input.framework.domains.flatMap((domain, d) =>
    domain.capabilities.map((capability, c) => ({
      number: `${d + 1}.${c + 1}`,
      id: capability.id,
      domain: L.text(domain.shortTitle ?? domain.title),
      title: L.text(capability.title),
      s: input.scores.domains.find((x) => x.domainId === domain.id)?.capabilities.find((x) => x.capabilityId === capability.id) ?? null,
      p: priorities.get(capability.id) ?? null,
    })),
  );
  type R = (typeof records)[number];
  const specs: Array<Spec<R>> = [
    { header: 'number', width: 7, type: 'text', get: (r) => r.number },
    { header: 'columns.capabilityId', width: 30, type: 'text', get: (r) => r.id },
    { header: 'domain', width: 20, type: 'label', get: (r) => r.domain },
    { header: 'capability', width: 36, type: 'label', wrap: true, get: (r) => r.title },
    { header: 'scoreShort', width: 9, type: 'score', get: (r) => r.s?.mean ?? null },
    { header: 'weakest', width: 9, type: 'score', get: (r) => r.s?.min ?? null },
    { header: 'target', width: 8, type: 'score', get: (r) => r.s?.target ?? null },
    { header: 'gap', width: 8, type: 'score', get: (r) => r.s?.gap ?? null },
    ...coverageSpecs<R>((r) => r.s),
    { header: 'importance', width: 11, type: 'score', get: (r) => r.p?.importance.value ?? null },
    { header: 'feasibility', width: 11, type: 'score', get: (r) => r.p?.feasibility.value ?? null },
    { header: 'priority', width: 9, type: 'score', get: (r) => r.p?.priority ?? null },
    { header: 'rank', width: 7, type: 'number', get: (r) => r.p?.rank ?? null },
  ];
  return { name: 'Capabilities', ...build(ctx, specs, records) };
}

function planSheet(ctx: BuildContext): Sheet {
  const { input, L, lookup, assessment } = ctx;
  const records = input.plan.recommendations.map((rec, i) => {
    const programme = rec.programmeId ? lookup.programme(rec.programmeId) : undefined;
    const place = lookup.capability(rec.capabilityId);
    return {
      order: i + 1,
      kind: rec.kind === 'custom' ? L.t('plan.teamAction') : L.t('plan.catalogueProgramme'),
      number: place?.number ?? '',
      capability: place ? L.text(place.capability.title) : { parts: [rec.capabilityId] },
      what: rec.kind === 'custom' ? { parts: [rec.title ?? ''], user: true as const } : programme ? L.text(programme.name) : { parts: [rec.programmeId ?? rec.id] },
      who: rec.kind === 'custom' ? { parts: [rec.owner ?? ''], user: true as const } : programme ? L.text(programme.provider) : null,
      phase: L.t(`phase.${rec.phase}`),
      effort: rec.effort ?? null,
      donorExtent: rec.donorOverlap?.extent ?? 0,
      donorWho: rec.donorOverlap?.who ?? '',
      decision: L.t(`decision.${rec.decision}`),
      note: rec.decisionNote ?? assessment.plan.decisions[rec.id]?.note ?? (rec.kind === 'custom' ? (rec.note ?? '') : ''),
      priority: rec.priority,
    };
  });
  type R = (typeof records)[number];
  const specs: Array<Spec<R>> = [
    { header: 'rank', width: 7, type: 'number', get: (r) => r.order },
    { header: 'columns.kind', width: 14, type: 'label', get: (r) => r.kind },
    { header: 'number', width: 7, type: 'text', get: (r) => r.number },
    { header: 'capability', width: 32, type: 'label', wrap: true, get: (r) => r.capability },
    { header: 'plan.programme', width: 40, type: 'label', wrap: true, get: (r) => r.what },
    { header: 'columns.provider', width: 32, type: 'label', wrap: true, get: (r) => r.who },
    { header: 'plan.phase', width: 12, type: 'label', get: (r) => r.phase },
    { header: 'plan.effort', width: 8, type: 'text', get: (r) => r.effort },
    { header: 'columns.donorExtent', width: 12, type: 'number', get: (r) => r.donorExtent },
    { header: 'columns.donorWho', width: 30, type: 'text', wrap: true, get: (r) => r.donorWho },
    { header: 'plan.decision', width: 11, type: 'label', get: (r) => r.decision },
    { header: 'columns.decisionNote', width: 36, type: 'text', wrap: true, get: (r) => r.note },
    { header: 'priority', width: 9, type: 'score', get: (r) => r.priority },
  ];
  return { name: 'Plan', ...build(ctx, specs, records) };
}

function sessionsSheet(ctx: BuildContext): Sheet {
  const { assessment, input, L } = ctx;
  const records = [...assessment.sessions].sort((a, b) => a.date.localeCompare(b.date));
  type R = (typeof records)[number];
  const specs: Array<Spec<R>> = [
    { header: 'sessions.date', width: 12, type: 'date', get: (r) => isoDate(r.date) },
    { header: 'sessions.cluster', width: 26, type: 'label', get: (r) => L.t(`cluster.${r.cluster}`) },
    { header: 'sessions.participants', width: 12, type: 'number', get: (r) => r.participants },
    { header: 'sessions.organisations', width: 40, type: 'text', wrap: true, get: (r) => shownOrganisations(r, input.redact) ?? '' },
    { header: 'columns.nonAttributable', width: 14, type: 'boolean', get: (r) => r.nonAttributable },
    { header: 'columns.title', width: 36, type: 'text', wrap: true, get: (r) => (input.redact || r.nonAttributable ? '' : r.title) },
    { header: 'columns.inputs', width: 14, type: 'number', get: (r) => Object.keys(r.inputs).length },
  ];
  return { name: 'Sessions', ...build(ctx, specs, records) };
}

/** One row per indicator and session that spoke to it: what each session said, for pivoting by cluster. */
function sessionInputsSheet(ctx: BuildContext): Sheet {
  const { input, L } = ctx;
  const records = indicatorPlaces(input.framework).flatMap(({ indicator }) =>
    sessionInputsFor(ctx, indicator.id).map((r) => ({ ...r, number: indicatorNumber(input.framework, indicator.id), id: indicator.id })),
  );
  type R = (typeof records)[number];
  const specs: Array<Spec<R>> = [
    { header: 'number', width: 8, type: 'text', get: (r) => r.number },
    { header: 'crosswalk.indicatorId', width: 30, type: 'text', get: (r) => r.id },
    { header: 'sessions.date', width: 12, type: 'date', get: (r) => isoDate(r.session.date) },
    { header: 'sessions.cluster', width: 26, type: 'label', get: (r) => L.t(`cluster.${r.session.cluster}`) },
    { header: 'columns.nonAttributable', width: 14, type: 'boolean', get: (r) => r.session.nonAttributable },
    { header: 'columns.title', width: 30, type: 'text', wrap: true, get: (r) => r.title ?? '' },
    { header: 'columns.suggestedLevel', width: 10, type: 'number', get: (r) => r.input.level ?? null },
    { header: 'columns.sessionNote', width: 70, type: 'text', wrap: true, get: (r) => (r.withheld ? L.in(L.primary, 'sessionInputs.withheld') : r.input.note) },
  ];
  return { name: 'Session inputs', ...build(ctx, specs, records) };
}

function crosswalkSheet(ctx: BuildContext): Sheet {
  const { input, L } = ctx;
  const records = input.framework.domains.flatMap((d, di) => d.capabilities.flatMap((c, ci) => c.indicators.map((indicator, ii) => ({ number: `${di + 1}.${ci + 1}.${ii + 1}`, indicator }))));
  type R = (typeof records)[number];
  const specs: Array<Spec<R>> = [
    { header: 'number', width: 8, type: 'text', get: (r) => r.number },
    { header: 'crosswalk.indicatorId', width: 30, type: 'text', get: (r) => r.indicator.id },
    { header: 'columns.question', width: 60, type: 'label', wrap: true, get: (r) => L.text(r.indicator.question) },
    ...crosswalkColumns.map((source): Spec<R> => ({ header: { plain: source }, width: 14, type: 'text', get: (r) => refIds(r.indicator.refs, source) })),
    { header: 'crosswalk.other', width: 36, type: 'text', wrap: true, get: (r) => otherRefs(r.indicator.refs, crosswalkColumns) },
  ];
  return { name: 'Crosswalk', ...build(ctx, specs, records) };
}
