import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, type CommandName } from '../../../core/api/commands';
import { errorCodes } from '../../../core/api/result';
import type { Core } from '../../../core/api/open-core.node.ts';
import { snapshotTree } from '../store/helpers';
import { ok, useCores } from './core-harness';

/** 1,000 in `npm test`, 10,000 in `npm run fuzz` (npm names the script, on every OS); CCAT_FUZZ_RUNS overrides both. */
const runs = Number(process.env.CCAT_FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 10_000 : 1000));
const { core } = useCores();
const indicatorId = 'hygiene.csirt.mandate';
const pdf = Buffer.from('%PDF-1.4 decree').toString('base64');

interface Seeded {
  id: string;
  sessionId: string;
  actionId: string;
  attachmentId: string;
  recommendationId: string;
  bundleBase64: string;
  publicKeyFile: string;
  fingerprint: string;
  /** The agency's self-assessment of the same country, rated two levels apart on the indicator. */
  selfId: string;
}

/** A real assessment with something in every part, so valid inputs reach every handler. */
async function seed(api: Core): Promise<Seeded> {
  const team = [{ name: 'A. Tanaka', role: 'Lead' }];
  const { id } = await ok(api, 'createAssessment', { title: 'Fuzz target', country: 'GH', mode: 'field', team, period: { from: '2026-03-02', to: '2026-03-13' } });
  const session = await ok(api, 'saveSession', { id, session: { title: 'CSIRT', date: '2026-03-03', cluster: 'csirt', participants: 3, organisations: 'GH-CERT', nonAttributable: false, notes: 'n' } });
  await ok(api, 'updateSessionInput', { id, sessionId: session.id, indicatorId, input: { note: 'seen', level: 2 }, base: null });
  await ok(api, 'updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level: 1 }, notes: 'stored', sessionIds: [session.id] }, base: { rating: null, notes: '', sessionIds: [] } });
  const attachment = await ok(api, 'addAttachment', { id, indicatorId, fileName: 'decree.pdf', mediaType: 'application/pdf', contentBase64: pdf });
  const plan = await ok(api, 'updatePlan', { id, change: { kind: 'saveAction', capabilityId: 'hygiene.csirt', title: 'Mentor', owner: 'JICA', note: '', phase: 'short' } });
  const action = plan.recommendations.find((r) => r.kind === 'custom')!;
  const recommendation = plan.recommendations.find((r) => r.kind === 'programme')!;
  const bundle = await ok(api, 'exportBundle', { ids: [id] });
  const key = await ok(api, 'getInstallationKey', {});
  const self = await ok(api, 'createAssessment', { title: 'Fuzz self', country: 'GH', mode: 'self' });
  await ok(api, 'updateResponse', { id: self.id, indicatorId, patch: { rating: { kind: 'level', level: 3 } }, base: { rating: null } });
  return {
    selfId: self.id,
    id,
    sessionId: session.id,
    actionId: action.id,
    attachmentId: attachment.id,
    recommendationId: recommendation.id,
    bundleBase64: bundle.content,
    publicKeyFile: key.publicKeyFile,
    fingerprint: key.fingerprint,
  };
}

/** One input per command that the core accepts against the seeded store: the start of every mutation. */
function validInputs(s: Seeded): Record<CommandName, Record<string, unknown>> {
  const session = { title: 'CSIRT', date: '2026-03-03', cluster: 'csirt', participants: 3, organisations: 'GH-CERT', nonAttributable: false, notes: 'n' };
  return {
    getAppInfo: {},
    getStoreStatus: {},
    listFrameworks: {},
    getFramework: { id: 'ccat', version: '1.0.0' },
    getCatalogue: {},
    listAssessments: {},
    createAssessment: { title: 'New', country: 'KE', mode: 'self', period: { from: '2026-01-01', to: '2026-01-02' }, baselineId: s.id },
    getAssessment: { id: s.id },
    openAssessment: { id: s.id },
    updateSetup: { id: s.id, patch: { title: 'Renamed', period: { from: '2026-03-02' } }, base: { title: 'Fuzz target', period: { from: '2026-03-02', to: '2026-03-13' } } },
    addTeamMember: { id: s.id, member: { name: 'B. Sato', role: 'Legal' } },
    updateTeamMember: { id: s.id, index: 0, base: { name: 'A. Tanaka', role: 'Lead' }, patch: { role: 'Leader' } },
    removeTeamMember: { id: s.id, index: 0, member: { name: 'A. Tanaka', role: 'Lead' } },
    updateResponse: { id: s.id, indicatorId, patch: { notes: 'changed', flagged: true, sessionIds: [] }, base: { notes: 'stored', flagged: false, sessionIds: [s.sessionId] } },
    saveSession: { id: s.id, session: { ...session, sessionId: s.sessionId, participants: 5 }, base: session },
    deleteSession: { id: s.id, sessionId: s.sessionId },
    updateSessionInput: { id: s.id, sessionId: s.sessionId, indicatorId, input: { note: 'more', level: 3 }, base: { note: 'seen', level: 2 } },
    addAttachment: { id: s.id, indicatorId: 'hygiene.csirt.services', fileName: 'b.txt', mediaType: 'text/plain', contentBase64: 'aGk=' },
    removeAttachment: { id: s.id, indicatorId, attachmentId: s.attachmentId },
    getAttachment: { id: s.id, attachmentId: s.attachmentId },
    getReview: { id: s.id },
    getUserSettings: {},
    setAssessorName: { assessmentId: s.id, name: 'A. Tanaka' },
    finalizeAssessment: { id: s.id, by: 'A. Tanaka' },
    reopenAssessment: { id: s.id, reason: 'more evidence', by: 'A. Tanaka' },
    getScores: { id: s.id },
    getPlan: { id: s.id },
    updatePlan: { id: s.id, change: { kind: 'decide', recommendationId: s.recommendationId, decision: 'accepted', base: { decision: null } } },
    exportAssessment: { id: s.id, format: 'csv', language: 'ja', compareWithId: s.selfId },
    getInstallationKey: {},
    renameInstallation: { name: 'Field laptop 2' },
    exportBundle: { ids: [s.id], redact: true },
    inspectBundle: { contentBase64: s.bundleBase64 },
    importBundle: { contentBase64: s.bundleBase64, trustNewSigner: true, keepDivergedAsCopy: true },
    listSigners: {},
    trustSigner: { publicKeyFile: s.publicKeyFile },
    renameSigner: { fingerprint: s.fingerprint, name: 'HQ laptop' },
    removeSigner: { fingerprint: s.fingerprint },
    // The seeded assessment is on the newest framework, so the move is refused: the refusal must change nothing.
    previewFrameworkMove: { id: s.id, toVersion: '1.1.0' },
    moveToFramework: { id: s.id, toVersion: '1.1.0', expectedRevision: 1 },
    previewMerge: { leftId: s.id, rightId: s.selfId },
    mergeAssessments: { leftId: s.id, rightId: s.selfId, title: 'Ghana merged', choices: { [indicatorId]: { take: 'new', rating: { kind: 'level', level: 2 }, confidence: 'medium', reason: 'Workshop evidence', notes: 'both' } }, by: 'HQ' },
    listPortfolio: { query: { search: 'gh', countries: ['GH'], shelf: 'all', sort: { column: 'domain:hygiene', direction: 'desc' } } },
    listRegions: {},
    archiveAssessments: { ids: [s.selfId], by: 'HQ' },
    trashAssessments: { ids: [s.selfId], by: 'HQ' },
    restoreAssessments: { ids: [s.selfId], by: 'HQ' },
    // Never what the trash holds: a fuzzed permanent delete would only ever be refused.
    emptyTrash: { confirmIds: ['not-in-the-trash'] },
    compareAssessments: { ids: [s.id, s.selfId] },
    getCountryTrend: { country: 'GH' },
    rankCountries: { weights: { resultPerEffort: 3 }, regions: ['africa'] },
    exportPortfolio: { format: 'json', language: 'ja', query: { modes: ['field'] }, weights: { networkNode: 0 } },
    exportComparison: { format: 'json', language: 'en', ids: [s.id, s.selfId] },
    exportRanking: { format: 'json', language: 'en' },
    openSample: {},
    listLanguages: {},
    exportLanguagePack: { language: 'km', format: 'xliff' },
    // A pack with a key CCAT does not have: refused, so a fuzzed import never installs anything.
    importLanguagePack: { fileName: 'km.xlf', contentBase64: Buffer.from('<xliff version="2.0" srcLang="en" trgLang="km"><file id="ui"><unit id="x" name="common:no.such.key"><segment><source>A</source><target>B</target></segment></unit></file></xliff>').toString('base64') },
    removeLanguagePack: { language: 'km' },
    getUiStrings: { language: 'km' },
    getGuide: { language: 'km' },
  };
}

type Json = unknown;
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(null, undefined, '', ' ', -1, 0, 1e21, Number.NaN, '9999-99-99', '2026-02-30', '../../etc', 'x'.repeat(60_000), '\u0000', '\u202e', [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

interface Mutation {
  /** Which key to follow at each level (modulo the number of keys). */
  path: number[];
  /** 0 drops a key, 1 adds or replaces one with an odd value, 2 swaps a leaf for another of the same type. */
  how: number;
  key: string;
  odd: Json;
  text: string;
  number: number;
}

function sameType(leaf: Json, m: Mutation): Json {
  if (typeof leaf === 'string') return m.text;
  if (typeof leaf === 'number') return m.number;
  if (typeof leaf === 'boolean') return !leaf;
  return m.odd;
}

/** A copy of `value` with one thing changed somewhere inside. */
function mutate(value: Json, m: Mutation, depth = 0): Json {
  if (value === null || typeof value !== 'object') return m.how === 2 ? sameType(value, m) : m.odd;
  const record = value as Record<string, Json>;
  const keys = Object.keys(record);
  if (depth === m.path.length || keys.length === 0) {
    if (m.how === 0 && keys.length > 0) {
      const kept = Object.entries(record).slice(1);
      return Array.isArray(value) ? kept.map(([, v]) => v) : Object.fromEntries(kept);
    }
    const copy = { ...record };
    // defineProperty, so "__proto__" becomes an own key as it does in parsed JSON.
    Object.defineProperty(copy, m.how === 2 && keys.length > 0 ? keys[0]! : m.key, { value: m.how === 2 ? sameType(record[keys[0]!], m) : m.odd, enumerable: true, configurable: true, writable: true });
    return Array.isArray(value) ? Object.values(copy) : copy;
  }
  const name = keys[m.path[depth]! % keys.length]!;
  const copy = { ...record, [name]: mutate(record[name], m, depth + 1) };
  return Array.isArray(value) ? Object.values(copy) : copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 4 }),
  how: fc.nat(2),
  key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'base', 'patch', 'kind', ''),
  odd: oddValue,
  text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', ' ', 'hygiene.csirt', '2026-03-01', 'accepted', 'final', 'level', 'A. Tanaka', 'Lead')),
  number: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constantFrom(0.5, 1e9, -0)),
});

describe('fuzzing the command boundary', () => {
  let api: Core & { dataDir: string };
  let seeded: Seeded;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(() => void process.on('unhandledRejection', onUnhandled));
  afterAll(() => void process.off('unhandledRejection', onUnhandled));

  it(
    `answers ${runs} random and mutated inputs with a result or a typed refusal, and a refusal leaves every stored byte as it was`,
    async () => {
      api = await core();
      seeded = await seed(api);
      const valid = validInputs(seeded);
      const input = fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(...commandNames).map((name) => ({ name: name as unknown, payload: valid[name] as unknown })) },
        { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...commandNames), mutation).map(([name, m]) => ({ name: name as unknown, payload: mutate(valid[name], m) })) },
        { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...commandNames), fc.string()), fc.anything()).map(([name, payload]) => ({ name: name as unknown, payload })) },
      );
      // The index of the list is written a moment after a save: flush it so a snapshot shows only what is settled.
      await api.flush();
      let before = await snapshotTree(api.dataDir);
      await fc.assert(
        fc.asyncProperty(input, async ({ name, payload }) => {
          const result = await api.dispatch(name, payload);
          if (result.ok) {
            // Accepted edits change the store; keep the target editable for the next inputs.
            const got = await api.dispatch('getAssessment', { id: seeded.id });
            if (got.ok && (got.data as { status: string }).status === 'final') await ok(api, 'reopenAssessment', { id: seeded.id, reason: 'fuzz', by: 'fuzz' });
            await api.flush();
            before = await snapshotTree(api.dataDir);
            return;
          }
          expect(errorCodes).toContain(result.error.code);
          // INTERNAL is what a handler that threw unexpectedly turns into: a crash, not a refusal.
          expect(result.error.code).not.toBe('INTERNAL');
          expect(typeof result.error.message).toBe('string');
          expect(await snapshotTree(api.dataDir)).toEqual(before);
        }),
        { numRuns: runs },
      );
      expect(unhandled).toEqual([]);
    },
    Math.max(60_000, runs * 60),
  );
});
