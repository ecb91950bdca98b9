import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assessment, IndicatorResponse } from '../../../core/model/assessment';
import { failure, ok, useCores } from '../api/core-harness';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'assessments');
const id = 'move-fixture-0001';
const { core, tempDir } = useCores();

/** A store holding the 1.0.0 fixture (revision 7) and, when asked, the 0.1.0 sample. */
async function storeWithFixture() {
  const dataDir = await tempDir();
  await mkdir(join(dataDir, 'assessments', id), { recursive: true });
  await copyFile(join(fixtures, 'ccat-1.0.0-all-domains.json'), join(dataDir, 'assessments', id, 'r000000007.json'));
  return core(dataDir);
}

type Expected = number | 'unknown' | 'notApplicable' | null;

function ratingOf(response: IndicatorResponse | undefined): Expected {
  if (!response?.rating) return null;
  return response.rating.kind === 'level' ? response.rating.level : response.rating.kind;
}

/**
 * Written by hand from the fixture (tests/fixtures/assessments/ccat-1.0.0-all-domains.json) and
 * the mapping's intent, not computed from the mapping file: [1.1.0 indicator, rating, flagged].
 */
const sameIds: Array<[string, Expected, boolean]> = [
  ['hygiene.strategy.document', 3, false],
  ['hygiene.csirt.mandate', 3, false],
  ['cybercrime.forensics.laboratory', 4, false],
  ['hr.awareness.national-campaigns', 2, false],
  // Question or levels 1–4 reworded (review: true): the rating is carried and flagged.
  ['hygiene.incident-management.classification', 3, true],
  ['hygiene.baseline-standards.mandatory-baseline', 2, true],
  ['cip.identification.sector-list', 1, true],
  ['cybercrime.international-cooperation.budapest', 1, true],
  ['norms.un-norms.supply-chain-vulnerabilities', 4, true],
];

/** Each split's parts carry the old rating and are flagged. */
const splitParts: Array<[string, string[], Expected]> = [
  ['hygiene.strategy.lead-agency', ['hygiene.strategy.lead-agency', 'hygiene.strategy.coordination-mechanism'], 4],
  ['hygiene.csirt.staffing-tools', ['hygiene.csirt.staffing', 'hygiene.csirt.tools'], 2],
  ['hygiene.baseline-standards.e-government-identity', ['hygiene.baseline-standards.e-government-security', 'hygiene.baseline-standards.digital-identity'], 1],
  ['cip.regulation.requirements', ['cip.regulation.requirements', 'cip.regulation.implementation-guidance'], 1],
  ['cip.ics-ot.skills', ['cip.ics-ot.ot-security-staff', 'cip.ics-ot.skills-pipeline'], 1],
  ['cybercrime.substantive-law.sexual-exploitation', ['cybercrime.substantive-law.child-sexual-abuse-material', 'cybercrime.substantive-law.grooming', 'cybercrime.substantive-law.intimate-images'], 4],
  ['cybercrime.substantive-law.liability-sanctions', ['cybercrime.substantive-law.corporate-liability', 'cybercrime.substantive-law.sanctions'], 2],
  ['cybercrime.procedural-law.preservation-production', ['cybercrime.procedural-law.expedited-preservation', 'cybercrime.procedural-law.production-orders'], 5],
  ['cybercrime.procedural-law.real-time', ['cybercrime.procedural-law.traffic-data', 'cybercrime.procedural-law.interception'], 1],
  ['cybercrime.law-enforcement.staffing-skills', ['cybercrime.law-enforcement.investigator-staffing', 'cybercrime.law-enforcement.training-retention'], 5],
  ['cybercrime.forensics.tools-training', ['cybercrime.forensics.forensic-tools', 'cybercrime.forensics.examiner-training'], 3],
  ['cybercrime.justice.judiciary', ['cybercrime.justice.judicial-training', 'cybercrime.justice.court-organisation'], 'unknown'],
  ['cybercrime.international-cooperation.mla', ['cybercrime.international-cooperation.mla', 'cybercrime.international-cooperation.extradition'], 5],
  ['cybercrime.international-cooperation.contact-points', ['cybercrime.international-cooperation.contact-point-247', 'cybercrime.international-cooperation.police-channels'], 3],
  ['cybercrime.public-private.victim-support-awareness', ['cybercrime.public-private.victim-support', 'cybercrime.public-private.prevention-campaigns'], 3],
  ['hr.education.curricula', ['hr.education.curricula', 'hr.education.security-in-other-disciplines'], 4],
  ['hr.education.faculty', ['hr.education.faculty', 'hr.education.teaching-facilities'], 2],
  ['hr.research-industry.talent-retention', ['hr.research-industry.talent-data', 'hr.research-industry.retention-measures'], 3],
];

const addedIds = [
  'cip.internet-infrastructure.ixp',
  'cip.internet-infrastructure.dns-cctld',
  'cip.internet-infrastructure.routing-security',
  'cip.internet-infrastructure.redundancy',
  'hr.data-protection.law',
  'hr.data-protection.authority',
  'hr.data-protection.breach-notification',
];

describe('moving the 1.0.0 fixture assessment to framework 1.1.0', () => {
  it('keeps a 1.0.0 assessment opening, scoring and exporting on 1.0.0 until it is moved', async () => {
    const api = await storeWithFixture();
    expect(await ok(api, 'getAssessment', { id })).toMatchObject({ frameworkVersion: '1.0.0', revision: 7 });
    const scores = await ok(api, 'getScores', { id });
    expect(scores.overall.total).toBe(105);
    const html = await ok(api, 'exportAssessment', { id, format: 'html', report: 'full', language: 'en' });
    expect(html.content).toContain('Kenya national assessment on framework 1.0.0');
  });

  it('moves indicator by indicator as the mapping says, in one history entry, and the preview said so', async () => {
    const api = await storeWithFixture();
    const before = await ok(api, 'getAssessment', { id });
    const preview = await ok(api, 'previewFrameworkMove', { id, toVersion: '1.1.0' });
    expect(preview).toMatchObject({ revision: 7, fromVersion: '1.0.0', toVersion: '1.1.0', counts: { added: 7, dropped: 0 } });

    const moved = await ok(api, 'moveToFramework', { id, toVersion: '1.1.0', expectedRevision: 7, by: 'Aiko Tanaka' });
    expect(moved).toMatchObject({ frameworkVersion: '1.1.0', revision: 8 });
    const r = moved.responses;

    for (const [newId, rating, flagged] of sameIds) {
      expect([newId, ratingOf(r[newId]), r[newId]?.flagged]).toEqual([newId, rating, flagged]);
    }
    expect(r['hygiene.strategy.document']).toEqual(before.responses['hygiene.strategy.document']);
    // Unanswered and not reworded: still unanswered.
    expect(r['norms.cbms.arf-cbms']).toMatchObject({ flagged: false });
    expect(ratingOf(r['norms.cbms.arf-cbms'])).toBeNull();

    for (const [oldId, parts, rating] of splitParts) {
      for (const part of parts) {
        expect([oldId, part, ratingOf(r[part]), r[part]?.flagged]).toEqual([oldId, part, rating, true]);
        expect(r[part]?.notes, part).toBe(before.responses[oldId]!.notes);
      }
    }
    expect(r['hygiene.csirt.tools']).toMatchObject({ notes: 'Six analysts; SIEM licence lapsed.', confidence: 'medium' });

    // Merges: the lowest rating, flagged, every source's notes kept with its id.
    expect(r['hygiene.csirt.international']).toMatchObject({
      rating: { kind: 'level', level: 2 },
      confidence: 'medium',
      flagged: true,
      sessionIds: ['session-csirt-01'],
      notes: '[hygiene.csirt.international] FIRST member since 2019.\n\n[norms.situational-awareness.cert-to-cert] Two CERT MoUs, rarely used.',
    });
    expect(r['hygiene.incident-management.exercises']).toMatchObject({
      rating: { kind: 'level', level: 3 },
      confidence: 'low',
      flagged: true,
      notes: '[hygiene.incident-management.exercises] Annual national tabletop.',
    });
    // N/A in one source, level 2 in the other: the level counts.
    expect(r['cip.exercises-sharing.lessons-learned']).toMatchObject({
      rating: { kind: 'level', level: 2 },
      flagged: true,
      notes: '[cip.exercises-sharing.lessons-learned] Planned for 2027.\n\n[hr.exercises-competitions.lessons-learned] After-action notes exist for one drill.',
    });
    for (const gone of ['norms.situational-awareness.cert-to-cert', 'hr.exercises-competitions.national-exercises', 'hr.exercises-competitions.lessons-learned']) {
      expect(r[gone], gone).toBeUndefined();
    }
    expect(moved.sessions[0]!.inputs['hygiene.csirt.international']).toMatchObject({ level: 2, note: '[hygiene.csirt.international] Joined FIRST in 2019.\n\n[norms.situational-awareness.cert-to-cert] MoUs with two neighbours.' });
    expect(moved.sessions[0]!.inputs['hygiene.csirt.staffing']).toMatchObject({ level: 2, note: 'Short of malware analysts.' });

    for (const newId of addedIds) expect([newId, ratingOf(r[newId]), r[newId]?.flagged]).toEqual([newId, null, true]);

    // One history entry, recording what the preview showed.
    const added = moved.history.slice(before.history.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ by: 'Aiko Tanaka', field: 'framework', from: { frameworkId: 'ccat', version: '1.0.0' } });
    const { kept, flagged, dropped, added: fresh, counts, targetsDropped } = preview;
    expect(added[0]!.to).toEqual({ frameworkId: 'ccat', version: '1.1.0', counts, kept, flagged, dropped, added: fresh, targetsDropped });
    // …and what the preview showed is what happened.
    for (const item of [...kept, ...flagged]) expect(ratingOf(r[item.indicatorId]), item.indicatorId).toEqual(ratingOf({ rating: item.rating ?? undefined } as IndicatorResponse));
    expect(Object.keys(r).sort()).toEqual(
      [...kept.filter((i) => before.responses[i.from[0]!]), ...flagged, ...fresh].map((i) => i.indicatorId).sort(),
    );

    // The flagged filter of the review lists the indicators to look at again.
    const review = await ok(api, 'getReview', { id });
    expect(review.flagged).toEqual(expect.arrayContaining(['cip.identification.sector-list', 'hygiene.csirt.staffing', 'hygiene.csirt.international', ...addedIds]));
    expect(review.flagged).not.toContain('hygiene.strategy.document');

    // Scores and exports now run on 1.1.0.
    expect((await ok(api, 'getScores', { id })).overall.total).toBe(kept.length + flagged.length + fresh.length);
  });

  it('keeps the 1.0.0 revision among the store generations', async () => {
    const api = await storeWithFixture();
    await ok(api, 'moveToFramework', { id, toVersion: '1.1.0', expectedRevision: 7 });
    const folder = join(api.dataDir, 'assessments', id);
    expect((await readdir(folder)).filter((f) => f.startsWith('r')).sort()).toEqual(['r000000007.json', 'r000000008.json']);
    const read = async (name: string) => JSON.parse(await readFile(join(folder, name), 'utf8')) as Assessment;
    expect(await read('r000000007.json')).toMatchObject({ frameworkVersion: '1.0.0', revision: 7 });
    expect(await read('r000000008.json')).toMatchObject({ frameworkVersion: '1.1.0', revision: 8 });
  });

  it('refuses a stale revision, a final assessment and a version without a mapping, and leaves the store as it was', async () => {
    const api = await storeWithFixture();
    expect(await failure(api, 'moveToFramework', { id, toVersion: '1.1.0', expectedRevision: 6 })).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed after the preview/) });
    expect(await ok(api, 'getAssessment', { id })).toMatchObject({ frameworkVersion: '1.0.0', revision: 7 });
    expect(await failure(api, 'previewFrameworkMove', { id, toVersion: '2.0.0' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no mapping from framework ccat 1.0.0 to 2.0.0/) });

    await ok(api, 'finalizeAssessment', { id, by: 'Aiko Tanaka' });
    expect(await failure(api, 'moveToFramework', { id, toVersion: '1.1.0', expectedRevision: 8 })).toMatchObject({ code: 'READ_ONLY' });
    expect(await ok(api, 'getAssessment', { id })).toMatchObject({ frameworkVersion: '1.0.0', status: 'final' });
  });

  it('refuses to move the 0.1.0 sample, which has no mapping to 1.1.0', async () => {
    const dataDir = await tempDir();
    const sample = JSON.parse(await readFile(join(fixtures, 'sample-framework-v2.json'), 'utf8')) as { id: string };
    await mkdir(join(dataDir, 'assessments', sample.id), { recursive: true });
    await copyFile(join(fixtures, 'sample-framework-v2.json'), join(dataDir, 'assessments', sample.id, 'r000000004.json'));
    const api = await core(dataDir);
    expect(await failure(api, 'moveToFramework', { id: sample.id, toVersion: '1.1.0', expectedRevision: 4 })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no mapping from framework ccat 0\.1\.0 to 1\.1\.0.*stays on 0\.1\.0/),
    });
    expect(await ok(api, 'getAssessment', { id: sample.id })).toMatchObject({ frameworkVersion: '0.1.0', revision: 4 });
  });
});
