import { ASSESSMENT_SCHEMA_VERSION } from '../model/assessment';

/** One step of the stored-assessment format. `migrate` gets the raw parsed JSON of version `from`. */
export interface Migration {
  from: number;
  to: number;
  migrate(doc: unknown): unknown;
}

type Json = Record<string, unknown>;

function asRecord(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not an object`);
  return value as Json;
}

/**
 * v1 kept "N/A" and "unknown" as magic values of `level`, which let a level and an N/A reason
 * disagree. v2 makes the rating a tagged union, links responses to attachments and sessions,
 * and records the assessment's languages.
 */
function migrateResponseV1(value: unknown, indicatorId: string): Json {
  const { level, naReason, ...rest } = asRecord(value, `response "${indicatorId}"`);
  const response: Json = { ...rest, attachmentIds: [], sessionIds: [] };
  if (typeof level === 'number') {
    response.rating = { kind: 'level', level };
  } else if (level === 'na') {
    const reason = typeof naReason === 'string' ? naReason.trim() : '';
    // v2 requires a reason; v1 allowed none. A visible placeholder keeps the rating (dropping
    // it would lose the team's judgement) and tells the reviewer the reason was never given.
    response.rating = { kind: 'notApplicable', reason: reason === '' ? '(no reason was recorded)' : reason };
  } else if (level === 'unknown') {
    response.rating = { kind: 'unknown' };
  } else if (level !== null && level !== undefined) {
    throw new Error(`response "${indicatorId}" has an unknown level ${JSON.stringify(level)}`);
  }
  return response;
}

const v1ToV2: Migration = {
  from: 1,
  to: 2,
  migrate(doc) {
    const v1 = asRecord(doc, 'the assessment');
    const responses = asRecord(v1.responses ?? {}, 'responses');
    const migrated: Json = {};
    for (const [indicatorId, response] of Object.entries(responses)) {
      migrated[indicatorId] = migrateResponseV1(response, indicatorId);
    }
    return { ...v1, schemaVersion: 2, languages: ['en'], responses: migrated };
  },
};

/**
 * v3 adds the field workflow and the plan: a structured scope, session inputs, attachment
 * records, donor support as an extent per domain, and the team's plan decisions.
 */
const v2ToV3: Migration = {
  from: 2,
  to: 3,
  migrate(doc) {
    const v2 = asRecord(doc, 'the assessment');
    const context = asRecord(v2.context ?? {}, 'context');
    const oldDonors = asRecord(context.donorSupport ?? {}, 'context.donorSupport');
    const donorSupport: Json = {};
    for (const [domainId, text] of Object.entries(oldDonors)) {
      const who = typeof text === 'string' ? text : '';
      // v2 kept free text only: any text means some support is known, its extent unassessed.
      if (who.trim() !== '') donorSupport[domainId] = { extent: 1, who };
    }
    const sessions = Array.isArray(v2.sessions) ? v2.sessions : [];
    return {
      ...v2,
      schemaVersion: 3,
      scope: { kind: 'national', name: typeof v2.scope === 'string' ? v2.scope : '' },
      context: { ...context, donorSupport },
      sessions: sessions.map((session, index) => ({ title: '', inputs: {}, ...asRecord(session, `session ${index + 1}`) })),
      attachments: [],
      plan: { decisions: {}, order: [], customActions: [], importance: {} },
    };
  },
};

/** In order; each `to` is the next one's `from`, ending at ASSESSMENT_SCHEMA_VERSION. */
export const migrations: readonly Migration[] = [v1ToV2, v2ToV3];

/**
 * Brings a stored assessment of any older version up to the current one. Throws when the
 * version is missing or no chain of migrations reaches the current version, so the caller
 * treats the file as damaged instead of guessing.
 */
export function migrateToCurrent(doc: unknown, steps: readonly Migration[] = migrations): unknown {
  const stored = asRecord(doc, 'the document').schemaVersion;
  if (typeof stored !== 'number' || !Number.isInteger(stored)) throw new Error('the document has no schemaVersion');
  let version = stored;
  if (version > ASSESSMENT_SCHEMA_VERSION) throw new Error(`version ${version} is newer than this CCAT (${ASSESSMENT_SCHEMA_VERSION})`);
  let current = doc;
  while (version < ASSESSMENT_SCHEMA_VERSION) {
    const step = steps.find((m) => m.from === version);
    if (step === undefined) throw new Error(`no migration from version ${version}`);
    current = step.migrate(current);
    version = step.to;
  }
  return current;
}
