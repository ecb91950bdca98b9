import { resources } from '../../locales/resources';
import type { FrameworkLibrary } from '../framework/library';
import { indicatorPlaces } from '../framework/summary';
import { ASSESSMENT_SCHEMA_VERSION, type Assessment, type AssessmentSummary, type HistoryEntry, type IndicatorResponse } from '../model/assessment';
import { renderHtmlReport } from '../report/html-report';
import { scoreAssessment } from '../scoring/scores';
import { KeyedQueue } from '../store/keyed-queue';
import type { StoreNotice } from '../store/notices';
import type { ApiHandlers } from './dispatch';
import { CoreError } from './result';

/** What the handlers need from the store; the durable store in core/store implements it. */
export interface AssessmentRepository {
  list(): Promise<AssessmentSummary[]>;
  get(id: string): Promise<Assessment>;
  create(assessment: Assessment): Promise<void>;
  save(assessment: Assessment): Promise<void>;
  notices(): StoreNotice[];
}

export interface HandlerServices {
  store: AssessmentRepository;
  library: FrameworkLibrary;
  dataDir: string;
  appVersion: string;
  now: () => Date;
  newId: () => string;
}

const defaultAuthor = 'assessor';
/** Note edits are logged at most this often per indicator, so typing does not flood the history. */
const notesHistoryInterval = 5 * 60_000;

export function createHandlers(services: HandlerServices): ApiHandlers {
  const { store, library } = services;
  // Read-modify-write of one assessment must not interleave with another edit of it.
  const edits = new KeyedQueue();
  const timestamp = () => services.now().toISOString();

  return {
    getAppInfo: async () => ({ version: services.appVersion, dataDir: services.dataDir, languages: Object.keys(resources) }),
    getStoreStatus: async () => ({ notices: store.notices() }),
    listFrameworks: async () => library.list(),
    getFramework: async ({ id, version }) => library.get(id, version),
    listAssessments: async () => store.list(),

    createAssessment: async (input) => {
      const framework = library.latest(input.frameworkId ?? library.defaultId);
      const at = timestamp();
      const assessment: Assessment = {
        schemaVersion: ASSESSMENT_SCHEMA_VERSION,
        id: services.newId(),
        revision: 0,
        title: input.title,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        country: input.country,
        scope: input.scope ?? '',
        mode: input.mode,
        status: 'draft',
        team: [],
        period: {},
        languages: ['en'],
        context: { donorSupport: {}, notes: '' },
        targets: {},
        responses: {},
        sessions: [],
        history: [{ at, by: input.by ?? defaultAuthor, field: 'created', from: null, to: input.title }],
        createdAt: at,
        updatedAt: at,
      };
      await store.create(assessment);
      return assessment;
    },

    getAssessment: async ({ id }) => store.get(id),

    updateResponse: ({ id, indicatorId, patch, by }) =>
      edits.run(id, async () => {
        const current = await store.get(id);
        if (current.status === 'final') throw new CoreError('READ_ONLY', 'This assessment is final. Reopen it to make changes.');
        const framework = library.get(current.frameworkId, current.frameworkVersion);
        if (!indicatorPlaces(framework).some((p) => p.indicator.id === indicatorId)) {
          throw new CoreError('NOT_FOUND', `Indicator ${indicatorId} is not part of framework ${framework.id} ${framework.version}.`);
        }
        const at = timestamp();
        const author = by ?? defaultAuthor;
        const before = current.responses[indicatorId];
        const after: IndicatorResponse = {
          notes: '',
          attachmentIds: [],
          sessionIds: [],
          flagged: false,
          ...before,
          updatedAt: at,
          updatedBy: author,
        };
        if (patch.rating !== undefined) {
          if (patch.rating === null) delete after.rating;
          else after.rating = patch.rating;
        }
        if (patch.confidence !== undefined) {
          if (patch.confidence === null) delete after.confidence;
          else after.confidence = patch.confidence;
        }
        if (patch.notes !== undefined) after.notes = patch.notes;
        if (patch.flagged !== undefined) after.flagged = patch.flagged;

        const history = responseHistory(current.history, indicatorId, before, after, at, author);
        const next: Assessment = {
          ...current,
          revision: current.revision + 1,
          updatedAt: at,
          responses: { ...current.responses, [indicatorId]: after },
          history: [...current.history, ...history],
        };
        await store.save(next);
        return { revision: next.revision, updatedAt: at, response: after };
      }),

    getScores: async ({ id }) => {
      const assessment = await store.get(id);
      return scoreAssessment(library.get(assessment.frameworkId, assessment.frameworkVersion), assessment);
    },

    exportAssessment: async ({ id, format, language }) => {
      const assessment = await store.get(id);
      const stem = `${fileStem(assessment.title)}-${assessment.country}-${timestamp().slice(0, 10)}`;
      if (format === 'json') {
        return { fileName: `${stem}.json`, mediaType: 'application/json', content: `${JSON.stringify(assessment, null, 2)}\n` };
      }
      const framework = library.get(assessment.frameworkId, assessment.frameworkVersion);
      const content = renderHtmlReport({
        framework,
        assessment,
        scores: scoreAssessment(framework, assessment),
        language,
        appVersion: services.appVersion,
        generatedAt: services.now(),
      });
      return { fileName: `${stem}.html`, mediaType: 'text/html', content };
    },
  };
}

function responseHistory(
  history: readonly HistoryEntry[],
  indicatorId: string,
  before: IndicatorResponse | undefined,
  after: IndicatorResponse,
  at: string,
  by: string,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const field = (name: string) => `response:${indicatorId}.${name}`;
  const changed = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
  if (changed(before?.rating, after.rating)) entries.push({ at, by, field: field('rating'), from: before?.rating ?? null, to: after.rating ?? null });
  if (changed(before?.confidence, after.confidence)) entries.push({ at, by, field: field('confidence'), from: before?.confidence ?? null, to: after.confidence ?? null });
  if (changed(before?.flagged ?? false, after.flagged)) entries.push({ at, by, field: field('flagged'), from: before?.flagged ?? false, to: after.flagged });
  if (changed(before?.notes ?? '', after.notes)) {
    const last = history.findLast((entry) => entry.field === field('notes'));
    const recent = last && last.by === by && Date.parse(at) - Date.parse(last.at) < notesHistoryInterval;
    if (!recent) entries.push({ at, by, field: field('notes'), from: before?.notes ?? '', to: after.notes });
  }
  return entries;
}

function fileStem(title: string): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '')
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return stem === '' ? 'assessment' : stem;
}
