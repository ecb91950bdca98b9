import type { UiLanguage } from '../../../locales/languages';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment, IndicatorResponse } from '../../../core/model/assessment';
import { catalogueSchema, type Catalogue } from '../../../core/model/catalogue';
import type { Framework } from '../../../core/model/framework';
import { indicatorPlaces } from '../../../core/framework/summary';
import { proposePlan } from '../../../core/planning/propose';
import type { ExportFormat, ExportInput, ReportKind } from '../../../core/report/report-input';
import { scoreAssessment } from '../../../core/scoring/scores';
import { assessmentFor, response, shippedFramework } from '../fixtures';

const root = join(import.meta.dirname, '..', '..', '..');

export function shippedCatalogue(): Catalogue {
  return catalogueSchema.parse(JSON.parse(readFileSync(join(root, 'assessments', 'catalogue', 'programmes.json'), 'utf8')));
}

/** Text that would run script, load an image or follow a link if any format failed to escape it. */
export const hostileNote = '<img src=x onerror=alert(1)> </script><script>alert(2)</script> <a href="javascript:alert(3)">link</a> تقييم القدرات السيبرانية';
export const arabic = 'تقييم القدرات السيبرانية';

/** Cells a spreadsheet would run as formulas. */
export const formulaNotes = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTAB=1', '\rCR=1'] as const;

/** Names that a redacted export must never show. */
export const people = ['Hanako Yamada', 'John Smith', 'Nguyen Van An'] as const;
export const secretOrganisation = 'Hanoi Quiet Bank Ltd';
export const namedOrganisation = 'Ministry of Information and Communications';
/** What the ministry meeting said about the first indicator (attributable: shown in every edition). */
export const attributableInput = 'Strategy shown';
/** What the non-attributable workshop said: shown without names, and left out of a redacted edition. */
export const quietInput = 'Operators said the sector CERT has no night shift';

const attachmentId = 'a'.repeat(64);

/**
 * A field assessment of Viet Nam that exercises every part of the reports: ratings of each kind,
 * hostile and right-to-left notes, attachments, sessions (one non-attributable), donor context,
 * team decisions and a team action.
 */
export function fieldAssessment(framework: Framework = shippedFramework('1.0.0'), options: { title?: string; levelShift?: number } = {}): Assessment {
  const places = indicatorPlaces(framework);
  const responses: Record<string, IndicatorResponse> = {};
  places.forEach(({ indicator }, i) => {
    const base = { updatedBy: people[i % 3]!, sessionIds: i % 4 === 0 ? ['session-0001'] : [] };
    if (i % 17 === 5) responses[indicator.id] = response({ kind: 'notApplicable', reason: 'No such sector in this country' }, base);
    else if (i % 13 === 7) responses[indicator.id] = response({ kind: 'unknown' }, { ...base, flagged: true });
    else if (i % 19 === 11) return;
    else {
      const level = Math.max(1, Math.min(5, ((i * 7 + Math.floor(i / 9)) % 4) + 1 + (options.levelShift ?? 0))) as 1 | 2 | 3 | 4 | 5;
      responses[indicator.id] = response({ kind: 'level', level }, { ...base, confidence: (['low', 'medium', 'high'] as const)[i % 3]! });
    }
  });
  const [first, second, third, fourth] = places;
  responses[first!.indicator.id] = response({ kind: 'level', level: 2 }, { notes: hostileNote, confidence: 'medium', attachmentIds: [attachmentId], updatedBy: people[0] });
  responses[second!.indicator.id] = response(
    { kind: 'level', level: 3 },
    {
      notes:
        'The national strategy was adopted by decree in 2021 and published; the lead agency showed the implementation report for 2024, which lists 41 of 52 actions as completed. Other ministries confirmed their tasks in separate interviews.\nA second paragraph follows after a line break, with a very long token: https://example.invalid/a/very/long/path/that/should/wrap/inside/its/table/cell/without/overflowing/the/page',
      confidence: 'high',
      updatedBy: people[1],
    },
  );
  responses[third!.indicator.id] = response({ kind: 'level', level: 1 }, { notes: `${arabic} — ملاحظات الفريق`, confidence: 'low', updatedBy: people[2] });
  responses[fourth!.indicator.id] = response({ kind: 'level', level: 2 }, { notes: 'Team lead: 国家CSIRTの担当者に聞き取りを行った。', confidence: 'medium' });
  return assessmentFor(framework, responses, {
    title: options.title ?? 'Viet Nam national assessment, March 2026',
    scope: { kind: 'national', name: 'Whole of government and critical infrastructure' },
    status: 'in-review',
    team: [
      { name: people[0], role: 'Team lead' },
      { name: people[1], role: 'CIP analyst' },
      { name: people[2], role: 'Interpreter' },
    ],
    period: { from: '2026-03-02', to: '2026-03-06' },
    languages: ['en', 'ja'],
    context: {
      donorSupport: { cybercrime: { extent: 2, who: 'UNODC Global Programme on Cybercrime; EU' }, hr: { extent: 1, who: 'World Bank digital skills project' } },
      japaneseBusinessPresence: 3,
      networkNodeImportance: 2,
      absorptiveCapacity: 2,
      notes: 'Counterpart agency restructured in 2025.',
    },
    sessions: [
      {
        id: 'session-0001',
        title: 'Meeting at the ministry',
        date: '2026-03-02',
        cluster: 'government-ict',
        participants: 6,
        organisations: namedOrganisation,
        nonAttributable: false,
        notes: '',
        inputs: { [first!.indicator.id]: { note: attributableInput, level: 2, updatedAt: '2026-03-02T09:00:00.000Z', updatedBy: people[0] } },
      },
      {
        id: 'session-0002',
        title: `Workshop hosted by ${secretOrganisation}`,
        date: '2026-03-04',
        cluster: 'ci-operators',
        participants: 12,
        organisations: secretOrganisation,
        nonAttributable: true,
        notes: 'Chatham House Rule.',
        inputs: { [first!.indicator.id]: { note: quietInput, level: 1, updatedAt: '2026-03-04T09:00:00.000Z', updatedBy: people[1] } },
      },
    ],
    attachments: [{ id: attachmentId, fileName: 'strategy-decree-2021.pdf', mediaType: 'application/pdf', size: 245_760, addedAt: '2026-03-02T10:00:00.000Z', addedBy: people[1] }],
    plan: {
      decisions: {},
      order: [],
      customActions: [
        {
          id: 'action-0001',
          capabilityId: 'hygiene.csirt',
          title: 'Second a CSIRT mentor for six months',
          owner: 'JICA country office',
          note: 'Ask the national CSIRT which shift pattern suits.',
          phase: 'short',
          effort: 'M',
        },
      ],
      importance: { 'hygiene.strategy': { value: 2, note: 'Strategy work is already funded nationally' } },
    },
    history: [{ at: '2026-03-02T09:00:00.000Z', by: people[0], field: 'team', from: [], to: [{ name: people[0], role: 'Team lead' }] }],
  });
}

/** A full export input: scores and plan computed the way the core computes them. */
export function exportInput(
  format: ExportFormat,
  report: ReportKind,
  options: { language?: UiLanguage; secondLanguage?: UiLanguage | undefined; redact?: boolean; assessment?: Assessment; baseline?: boolean; frameworkVersion?: '1.0.0' | '1.1.0' } = {},
): ExportInput {
  const framework = shippedFramework(options.frameworkVersion ?? '1.0.0');
  const catalogue = shippedCatalogue();
  const assessment = options.assessment ?? fieldAssessment(framework);
  const scores = scoreAssessment(framework, assessment);
  const plan = proposePlan({ framework, catalogue, assessment, scores });
  const baseline = options.baseline ? { title: 'Viet Nam baseline, 2023', scores: scoreAssessment(framework, fieldAssessment(framework, { levelShift: -1 })) } : undefined;
  return {
    format,
    report,
    framework,
    catalogue,
    assessment,
    scores,
    plan,
    baseline,
    language: options.language ?? 'en',
    secondLanguage: options.secondLanguage,
    redact: options.redact ?? false,
    generatedAt: new Date('2026-03-06T08:30:00Z'),
    appVersion: '9.9.9',
  };
}
