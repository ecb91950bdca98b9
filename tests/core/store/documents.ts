import { createHash } from 'node:crypto';
import { ASSESSMENT_SCHEMA_VERSION, type Assessment } from '../../../core/model/assessment';

// No vitest import here: the crash worker is bundled from this file and runs outside vitest.

export const SAMPLE_ID = 'test-assessment-0001';

export function sampleAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    id: SAMPLE_ID,
    revision: 1,
    title: 'Kenya field assessment',
    frameworkId: 'ccat-core',
    frameworkVersion: '1.0.0',
    country: 'KE',
    scope: { kind: 'national', name: 'National' },
    mode: 'field',
    status: 'draft',
    team: [{ name: 'A. Tanaka', role: 'Lead' }],
    period: { from: '2025-03-01' },
    languages: ['en'],
    context: { donorSupport: {}, notes: '' },
    targets: {},
    responses: {},
    sessions: [],
    attachments: [],
    plan: { decisions: {}, order: [], customActions: [], importance: {} },
    history: [],
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** The same assessment one save later, as the caller would make it. */
export function nextRevision(a: Assessment, patch: Partial<Assessment> = {}): Assessment {
  return {
    ...a,
    ...patch,
    revision: a.revision + 1,
    updatedAt: new Date(Date.parse(a.updatedAt) + 60_000).toISOString(),
  };
}

/** Order-independent digest of a document, shared by the crash worker and the test. */
export function documentDigest(doc: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(doc))).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = canonical(item);
    }
    return out;
  }
  return value;
}
