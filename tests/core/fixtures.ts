import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSESSMENT_SCHEMA_VERSION, emptyPlan, type Assessment, type IndicatorResponse, type Rating } from '../../core/model/assessment';
import { frameworkSchema, type Framework } from '../../core/model/framework';

const root = join(import.meta.dirname, '..', '..');

export function shippedFramework(version: '0.1.0' | '1.0.0' | '1.1.0'): Framework {
  return frameworkSchema.parse(JSON.parse(readFileSync(join(root, 'assessments', 'frameworks', `ccat-${version}.json`), 'utf8')));
}

export function response(rating: Rating | undefined, extra: Partial<IndicatorResponse> = {}): IndicatorResponse {
  return {
    ...(rating ? { rating } : {}),
    notes: '',
    attachmentIds: [],
    sessionIds: [],
    flagged: false,
    updatedAt: '2026-03-02T09:00:00.000Z',
    updatedBy: 'tester',
    ...extra,
  };
}

export function assessmentFor(framework: Framework, responses: Assessment['responses'] = {}, extra: Partial<Assessment> = {}): Assessment {
  return {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    id: 'fixture-0001',
    revision: 1,
    title: 'Fixture assessment',
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    country: 'VN',
    scope: { kind: 'national', name: 'National' },
    mode: 'field',
    status: 'draft',
    team: [],
    period: {},
    languages: ['en'],
    context: { donorSupport: {}, notes: '' },
    targets: {},
    responses,
    sessions: [],
    attachments: [],
    plan: emptyPlan(),
    history: [],
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...extra,
  };
}
