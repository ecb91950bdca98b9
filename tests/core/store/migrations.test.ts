import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_SCHEMA_VERSION, assessmentSchema } from '../../../core/model/assessment';
import { migrateToCurrent, migrations } from '../../../core/store/migrations';
import v1Fixture from '../../fixtures/store/assessment-v1.json';
import { thrownMessage } from './helpers';

describe('migrations', () => {
  it('form one chain from version 1 to the current version', () => {
    migrations.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      if (i > 0) expect(m.from).toBe(migrations[i - 1]?.to);
    });
    expect(migrations.at(-1)?.to).toBe(ASSESSMENT_SCHEMA_VERSION);
  });

  it('migrate the v1 fixture into a valid current assessment, keeping every answer', () => {
    const migrated = assessmentSchema.parse(migrateToCurrent(structuredClone(v1Fixture)));
    expect(migrated.schemaVersion).toBe(ASSESSMENT_SCHEMA_VERSION);
    expect(migrated.languages).toEqual(['en']);
    expect(migrated.scope).toEqual({ kind: 'national', name: 'National CSIRT and critical infrastructure' });
    expect(migrated.context.donorSupport).toEqual({ cybercrime: { extent: 1, who: 'UNODC GlobalProgramme, 2022-2024' } });
    expect(migrated.plan).toEqual({ decisions: {}, order: [], customActions: [], importance: {} });
    expect(migrated.attachments).toEqual([]);
    expect(migrated.revision).toBe(7);
    expect(migrated.targets).toEqual({ 'csirt-operations': 3 });
    expect(migrated.sessions).toEqual(v1Fixture.sessions.map((session) => ({ title: '', inputs: {}, ...session })));
    expect(migrated.responses['csirt-mandate']).toEqual({
      rating: { kind: 'level', level: 3 },
      confidence: 'high',
      notes: 'Mandate by executive order 2021.',
      attachmentIds: [],
      sessionIds: [],
      flagged: false,
      updatedAt: '2023-05-03T09:15:00.000+08:00',
      updatedBy: 'M. Santos',
    });
    expect(migrated.responses['ci-sector-regulator']?.rating).toEqual({ kind: 'notApplicable', reason: 'No CI regulator exists; covered by ministry.' });
    expect(migrated.responses['ci-sector-regulator']?.flagged).toBe(true);
    expect(migrated.responses['ics-exercises']?.rating).toEqual({ kind: 'notApplicable', reason: '(no reason was recorded)' });
    expect(migrated.responses['threat-sharing']?.rating).toEqual({ kind: 'unknown' });
    expect(migrated.responses['threat-sharing']?.confidence).toBe('low');
    expect(migrated.responses['cyber-law']).not.toHaveProperty('rating');
    expect(migrated.responses['cyber-law']).not.toHaveProperty('naReason');
  });

  it('do not change the input document', () => {
    const input = structuredClone(v1Fixture);
    migrateToCurrent(input);
    expect(input).toEqual(v1Fixture);
  });

  it('leave a current document as it is', () => {
    const current = { ...v1Fixture, schemaVersion: ASSESSMENT_SCHEMA_VERSION };
    expect(migrateToCurrent(current)).toBe(current);
  });

  it.each([
    ['no schemaVersion', { id: 'x' }, /no schemaVersion/],
    ['an unknown old version', { schemaVersion: 0 }, /no migration from version 0/],
    ['a newer version', { schemaVersion: ASSESSMENT_SCHEMA_VERSION + 1 }, /newer/],
    ['a non-object', [], /not an object/],
    ['an unknown v1 level', { schemaVersion: 1, responses: { a: { level: 'maybe' } } }, /unknown level "maybe"/],
  ])('refuse %s instead of guessing', (_name, doc, message) => {
    expect(() => migrateToCurrent(doc)).toThrow(message);
  });

  it('turn any valid v1 response into a valid v2 response with the same meaning (property)', () => {
    const v1Response = fc.record(
      {
        level: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom('na', 'unknown', null)),
        naReason: fc.string({ maxLength: 50 }),
        confidence: fc.constantFrom('low', 'medium', 'high'),
        notes: fc.string({ maxLength: 200 }),
        flagged: fc.boolean(),
        updatedAt: fc.constant('2023-05-03T09:15:00.000Z'),
        updatedBy: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: ['level', 'notes', 'flagged', 'updatedAt', 'updatedBy'] },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), v1Response, { maxKeys: 8 }), (responses) => {
        const migrated = assessmentSchema.parse(migrateToCurrent({ ...structuredClone(v1Fixture), responses }));
        for (const [id, before] of Object.entries(responses)) {
          const after = migrated.responses[id];
          expect(after?.notes).toBe(before.notes);
          expect(after?.confidence).toBe(before.confidence);
          if (typeof before.level === 'number') expect(after?.rating).toEqual({ kind: 'level', level: before.level });
          if (before.level === 'unknown') expect(after?.rating).toEqual({ kind: 'unknown' });
          if (before.level === null) expect(after?.rating).toBeUndefined();
          if (before.level === 'na') {
            expect(after?.rating?.kind).toBe('notApplicable');
            if (before.naReason?.trim()) expect(after?.rating).toEqual({ kind: 'notApplicable', reason: before.naReason.trim() });
          }
        }
      }),
    );
  });
});

describe('migration 2 → 3', () => {
  const v2 = migrations.find((m) => m.from === 1)!.migrate(structuredClone(v1Fixture)) as Record<string, unknown>;

  it('turns free-text scope and donor notes into their structured forms', () => {
    const v3 = migrations.find((m) => m.from === 2)!.migrate(v2) as Record<string, unknown>;
    expect(v3).toMatchObject({
      schemaVersion: 3,
      scope: { kind: 'national', name: 'National CSIRT and critical infrastructure' },
      context: { donorSupport: { cybercrime: { extent: 1, who: 'UNODC GlobalProgramme, 2022-2024' } }, japaneseBusinessPresence: 2 },
      attachments: [],
    });
  });

  it('leaves domains without donor text out rather than recording "none known" for them', () => {
    const withBlank = { ...v2, context: { donorSupport: { cip: '  ', hr: 'EU project' }, notes: '' } };
    const v3 = migrations.find((m) => m.from === 2)!.migrate(withBlank) as { context: { donorSupport: Record<string, unknown> } };
    expect(v3.context.donorSupport).toEqual({ hr: { extent: 1, who: 'EU project' } });
  });
});

describe('migrations of damaged documents', () => {
  const v1ToV2 = migrations.find((m) => m.from === 1)!;
  const v2ToV3 = migrations.find((m) => m.from === 2)!;

  it('say what is wrong: not an object, no whole-number version, a part that is not an object, an unknown level', () => {
    expect(thrownMessage(() => migrateToCurrent('text'))).toBe('the document is not an object');
    expect(thrownMessage(() => migrateToCurrent([1]))).toBe('the document is not an object');
    expect(thrownMessage(() => migrateToCurrent(null))).toBe('the document is not an object');
    expect(thrownMessage(() => migrateToCurrent({ schemaVersion: '1' }))).toBe('the document has no schemaVersion');
    expect(thrownMessage(() => migrateToCurrent({ schemaVersion: 1.5 }))).toBe('the document has no schemaVersion');
    expect(thrownMessage(() => v1ToV2.migrate(7))).toBe('the assessment is not an object');
    expect(thrownMessage(() => migrateToCurrent({ schemaVersion: 1, responses: 'all good' }))).toBe('responses is not an object');
    expect(thrownMessage(() => migrateToCurrent({ schemaVersion: 1, responses: { 'hygiene.csirt.mandate': 3 } }))).toBe('response "hygiene.csirt.mandate" is not an object');
    expect(thrownMessage(() => migrateToCurrent({ schemaVersion: 1, responses: { 'hygiene.csirt.mandate': { level: 'high' } } }))).toBe(
      'response "hygiene.csirt.mandate" has an unknown level "high"',
    );
    expect(thrownMessage(() => v2ToV3.migrate([]))).toBe('the assessment is not an object');
    expect(thrownMessage(() => v2ToV3.migrate({ context: 'none' }))).toBe('context is not an object');
    expect(thrownMessage(() => v2ToV3.migrate({ context: { donorSupport: ['EU'] } }))).toBe('context.donorSupport is not an object');
    expect(thrownMessage(() => v2ToV3.migrate({ sessions: [{ title: 'Day 1' }, 'Day 2'] }))).toBe('session 2 is not an object');
  });

  it('take a v1 response without a level as unrated, and trim the reason of an N/A', () => {
    const v2 = v1ToV2.migrate({ schemaVersion: 1, responses: { a: { level: null, notes: 'x' }, b: { notes: 'y' }, c: { level: 'na', naReason: '  out of scope  ' } } }) as {
      responses: Record<string, Record<string, unknown>>;
    };
    expect(v2.responses.a).toEqual({ notes: 'x', attachmentIds: [], sessionIds: [] });
    expect(v2.responses.b).toEqual({ notes: 'y', attachmentIds: [], sessionIds: [] });
    expect(v2.responses.c!.rating).toEqual({ kind: 'notApplicable', reason: 'out of scope' });
  });

  it('take a v2 scope, donor note or session list of the wrong type as empty rather than guessing', () => {
    const v3 = v2ToV3.migrate({ scope: 42, context: { donorSupport: { cip: 3, hr: 'EU project' } }, sessions: 'Day 1' }) as Record<string, unknown>;
    expect(v3.scope).toEqual({ kind: 'national', name: '' });
    expect(v3.context).toEqual({ donorSupport: { hr: { extent: 1, who: 'EU project' } } });
    expect(v3.sessions).toEqual([]);
  });
});
