import type { Core } from '../../../core/api/open-core.node.ts';
import { ok } from '../api/core-harness';

export const level = (n: 1 | 2 | 3 | 4 | 5) => ({ kind: 'level', level: n }) as const;
const none = { rating: null, confidence: null, notes: '' };
const pdf = Buffer.from('%PDF-1.4 CSIRT decree').toString('base64');

export const ids = {
  agreeBoth: 'hygiene.strategy.document',
  agreeNotes: 'hygiene.strategy.lead-agency',
  leftOnly: 'hygiene.strategy.budget',
  rightOnly: 'hygiene.strategy.review',
  near: 'hygiene.csirt.mandate',
  far: 'hygiene.csirt.services',
  unknown: 'hygiene.csirt.staffing',
};

async function rate(api: Core, id: string, indicatorId: string, rating: unknown, confidence: string | null, notes: string) {
  await ok(api, 'updateResponse', { id, indicatorId, patch: { rating, confidence, notes }, base: none });
}

/**
 * Ghana on the shipped 1.1.0 framework: the field team and the agency's self-assessment.
 * Two agreements, one indicator each side rated alone, three differences: 3 vs 2 (one level),
 * 1 vs 4 (three levels: a reason is required) and unknown vs 3.
 */
export async function twoViews(api: Core) {
  const field = await ok(api, 'createAssessment', { title: 'Ghana field 2026', country: 'GH', mode: 'field', team: [{ name: 'A. Tanaka', role: 'Lead' }], period: { from: '2026-03-02', to: '2026-03-13' } });
  const self = await ok(api, 'createAssessment', { title: 'Ghana self 2026', country: 'GH', mode: 'self', team: [{ name: 'K. Mensah', role: 'CSIRT' }], period: { from: '2026-02-01', to: '2026-03-01' } });
  await rate(api, field.id, ids.agreeBoth, level(2), 'high', 'Strategy of 2015.');
  await rate(api, self.id, ids.agreeBoth, level(2), 'medium', 'Strategy of 2015.');
  await rate(api, field.id, ids.agreeNotes, level(3), 'medium', 'NCSA leads.');
  await rate(api, self.id, ids.agreeNotes, level(3), 'high', 'The CSA Act 2020 names us.');
  await rate(api, field.id, ids.leftOnly, level(1), 'low', 'No budget line seen.');
  await rate(api, self.id, ids.rightOnly, level(2), 'medium', 'Reviewed in 2024.');
  await rate(api, field.id, ids.near, level(3), 'high', 'Mandate in the Act.');
  await rate(api, self.id, ids.near, level(2), 'medium', 'Mandate unclear to us.');
  await rate(api, field.id, ids.far, level(1), 'medium', 'Incident handling only.');
  await rate(api, self.id, ids.far, level(4), 'high', 'Full service catalogue.');
  await rate(api, field.id, ids.unknown, { kind: 'unknown' }, null, '');
  await rate(api, self.id, ids.unknown, level(3), 'low', '12 analysts.');
  const fieldSession = await ok(api, 'saveSession', { id: field.id, session: { title: 'CSIRT visit', date: '2026-03-03', cluster: 'csirt', participants: 4, organisations: 'CSIRT Ghana', nonAttributable: false, notes: '' } });
  const selfSession = await ok(api, 'saveSession', { id: self.id, session: { title: 'Internal workshop', date: '2026-02-10', cluster: 'government-ict', participants: 9, organisations: 'CSA', nonAttributable: false, notes: '' } });
  await ok(api, 'updateResponse', { id: self.id, indicatorId: ids.far, patch: { sessionIds: [selfSession.id] }, base: { sessionIds: [] } });
  // The same file attached on both sides is one attachment (content-addressed); one more only on the self side.
  const shared = await ok(api, 'addAttachment', { id: field.id, indicatorId: ids.near, fileName: 'act.pdf', mediaType: 'application/pdf', contentBase64: pdf });
  await ok(api, 'addAttachment', { id: self.id, indicatorId: ids.near, fileName: 'act-copy.pdf', mediaType: 'application/pdf', contentBase64: pdf });
  const own = await ok(api, 'addAttachment', { id: self.id, indicatorId: ids.far, fileName: 'catalogue.txt', mediaType: 'text/plain', contentBase64: Buffer.from('services').toString('base64') });
  return { field, self, fieldSession, selfSession, shared, own };
}
