import { join } from 'node:path';
import { openCore } from '../../../core/api/open-core.node.ts';
import type { Assessment } from '../../../core/model/assessment';
import { hostileNote, namedOrganisation, people, secretOrganisation } from './report-fixture';

const assessmentsDir = join(import.meta.dirname, '..', '..', '..', 'assessments');

async function call<T>(core: Awaited<ReturnType<typeof openCore>>, name: string, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

/**
 * A data folder holding one assessment made through the API, as a team would: named team,
 * hostile notes, a non-attributable session. The store is closed again, so a CLI may open it.
 */
export async function seedDataDir(dataDir: string): Promise<Assessment> {
  const core = await openCore({ dataDir, assessmentsDir, appVersion: '0.0.0-test' });
  try {
    const created = await call<Assessment>(core, 'createAssessment', {
      title: 'Viet Nam national assessment, March 2026',
      country: 'VN',
      mode: 'field',
      scope: { kind: 'national', name: 'Whole of government' },
      team: [
        { name: people[0], role: 'Team lead' },
        { name: people[1], role: 'Analyst' },
      ],
      period: { from: '2026-03-02', to: '2026-03-06' },
      context: { donorSupport: { cybercrime: { extent: 2, who: 'UNODC' } }, absorptiveCapacity: 2, notes: '' },
      by: people[0],
    });
    const { id } = created;
    await call(core, 'saveSession', {
      id,
      session: { title: 'Ministry meeting', date: '2026-03-02', cluster: 'ministries', participants: 5, organisations: namedOrganisation, nonAttributable: false, notes: '' },
      by: people[0],
    });
    await call(core, 'saveSession', {
      id,
      session: { title: 'Operators round table', date: '2026-03-03', cluster: 'ci-operators', participants: 9, organisations: secretOrganisation, nonAttributable: true, notes: '' },
      by: people[1],
    });
    const ratings: Array<[string, unknown, string]> = [
      ['hygiene.strategy.document', { kind: 'level', level: 2 }, hostileNote],
      ['hygiene.strategy.lead-agency', { kind: 'level', level: 1 }, '=HYPERLINK("http://evil.example","x")'],
      ['hygiene.csirt.mandate', { kind: 'level', level: 3 }, 'CSIRT decree seen.'],
      ['cybercrime.substantive-law.cia-offences', { kind: 'level', level: 2 }, ''],
    ];
    for (const [indicatorId, rating, notes] of ratings) {
      await call(core, 'updateResponse', { id, indicatorId, patch: { rating, confidence: 'medium', notes }, base: { rating: null, confidence: null, notes: '' }, by: people[1] });
    }
    return await call<Assessment>(core, 'getAssessment', { id });
  } finally {
    await core.close();
  }
}
