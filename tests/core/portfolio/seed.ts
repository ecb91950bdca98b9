import { join } from 'node:path';
import { loadLibrary } from '../../../core/framework/load-library.node.ts';
import type { Assessment } from '../../../core/model/assessment';
import { openAssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { assessmentFor, response, shippedFramework } from '../fixtures';

export const assessmentsDir = join(import.meta.dirname, '..', '..', '..', 'assessments');
const level = (n: number) => response({ kind: 'level', level: n });

/** Stores the assessments as the app would (index with scores and plan values), then closes the folder. */
export async function seedPortfolio(dataDir: string, assessments: readonly Assessment[]): Promise<void> {
  const library = loadLibrary(assessmentsDir);
  const store = await openAssessmentStore({ dataDir, frameworkFor: (a) => library.get(a.frameworkId, a.frameworkVersion), catalogue: () => library.catalogue });
  for (const a of assessments) await store.create(a);
  await store.close();
}

export const hostileTitle = '=HYPERLINK("http://evil.example","x") <script>alert(1)</script>';

/** Five assessments of four countries, two of Viet Nam on two framework versions; the Philippines' came in a signed .ccat file. */
export function hqAssessments(): Assessment[] {
  const v11 = shippedFramework('1.1.0');
  const v10 = shippedFramework('1.0.0');
  return [
    assessmentFor(
      v10,
      { 'hygiene.strategy.document': level(4), 'hygiene.strategy.lead-agency': level(2), 'hygiene.csirt.mandate': level(1) },
      {
        id: 'vn-2025-0001',
        title: 'Viet Nam self-assessment 2025',
        mode: 'self',
        status: 'final',
        period: { from: '2025-06-01', to: '2025-06-30' },
        context: { donorSupport: { hygiene: { extent: 1, who: 'EU' } }, japaneseBusinessPresence: 3, networkNodeImportance: 2, notes: '' },
      },
    ),
    assessmentFor(
      v11,
      { 'hygiene.strategy.document': level(2), 'hygiene.csirt.mandate': level(3), 'cip.internet-infrastructure.ixp': level(1) },
      {
        id: 'vn-2026-0001',
        title: 'Viet Nam field assessment 2026',
        status: 'final',
        period: { from: '2026-03-02', to: '2026-03-06' },
        context: { donorSupport: { hygiene: { extent: 1, who: 'EU' } }, japaneseBusinessPresence: 3, networkNodeImportance: 2, notes: '' },
        updatedAt: '2026-03-07T09:00:00.000Z',
      },
    ),
    assessmentFor(v11, { 'hygiene.strategy.document': level(1) }, { id: 'ke-2026-0001', title: hostileTitle, country: 'KE', period: { from: '2026-02-01' } }),
    assessmentFor(
      v11,
      { 'hygiene.strategy.document': level(3), 'hygiene.csirt.mandate': level(2) },
      {
        id: 'ph-2026-0001',
        title: 'Philippines field assessment 2026',
        country: 'PH',
        status: 'final',
        period: { to: '2026-01-31' },
        context: { donorSupport: {}, japaneseBusinessPresence: 2, networkNodeImportance: 3, notes: '' },
        history: [
          { at: '2026-02-01T09:00:00.000Z', by: 'PH team', field: 'created', from: null, to: 'Philippines field assessment 2026' },
          { at: '2026-02-10T09:00:00.000Z', by: 'HQ', field: 'import', from: null, to: { revision: 1, signer: 'ABCD 0123 4567 89AB CDEF 0123 4567 89AB', installation: 'Manila laptop', createdAt: '2026-02-09T00:00:00.000Z' } },
        ],
      },
    ),
    assessmentFor(v11, {}, { id: 'fj-2026-0001', title: 'Fiji self-assessment', country: 'FJ', mode: 'self', status: 'in-review', period: { from: '2026-04-01' } }),
  ];
}
