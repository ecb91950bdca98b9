import type { Page } from 'playwright-core';
import { api } from './app';

export interface Seeded {
  baselineId: string;
  id: string;
  sessionId: string;
}

export const assessor = 'Aiko Tanaka';

/**
 * A finalised 2023 baseline and a 2025 follow-up with a session, session input, ratings
 * (one N/A, one flagged), and an attachment: enough for every screen to show its content.
 */
export async function seed(page: Page): Promise<Seeded> {
  const by = assessor;
  const team = [
    { name: assessor, role: 'Team leader' },
    { name: 'Kwame Mensah', role: 'Assessor' },
  ];
  const baseline = await api(page, 'createAssessment', { title: 'Kenya national assessment 2023', country: 'KE', mode: 'field', team, period: { from: '2023-05-08', to: '2023-05-19' }, by });
  for (const [indicatorId, level] of [
    ['hygiene.strategy.document', 2],
    ['hygiene.strategy.lead-agency', 2],
    ['hygiene.strategy.budget', 1],
  ] as const) {
    await api(page, 'updateResponse', { id: baseline.id, indicatorId, patch: { rating: { kind: 'level', level }, confidence: 'medium' }, base: { rating: null, confidence: null }, by });
  }
  await api(page, 'finalizeAssessment', { id: baseline.id, by });

  const follow = await api(page, 'createAssessment', { title: 'Kenya follow-up assessment 2025', country: 'KE', mode: 'field', baselineId: baseline.id, by });
  await api(page, 'updateSetup', { id: follow.id, patch: { period: { from: '2025-03-10', to: '2025-03-21' }, languages: ['en', 'ja', 'sw'] }, base: { period: {}, languages: ['en'] }, by });
  const session = await api(page, 'saveSession', {
    id: follow.id,
    session: { title: 'KE-CIRT technical team', date: '2025-03-11', cluster: 'csirt', participants: 6, organisations: 'KE-CIRT/CC', nonAttributable: false, notes: 'Walk-through of the incident tracker.' },
    by,
  });
  await api(page, 'saveSession', {
    id: follow.id,
    session: { title: 'Ministries roundtable', date: '2025-03-12', cluster: 'ministries', participants: 9, organisations: '', nonAttributable: true, notes: '' },
    by,
  });
  await api(page, 'updateSessionInput', { id: follow.id, sessionId: session.id, indicatorId: 'hygiene.strategy.document', input: { note: 'Strategy 2022–2027 adopted; action plan costed.', level: 3 }, base: null, by });
  await api(page, 'updateResponse', {
    id: follow.id,
    indicatorId: 'hygiene.strategy.document',
    patch: { rating: { kind: 'level', level: 3 }, confidence: 'high', notes: 'Gazette notice seen; action plan costed.', sessionIds: [session.id] },
    base: { rating: null, confidence: null, notes: '', sessionIds: [] },
    by,
  });
  await api(page, 'updateResponse', { id: follow.id, indicatorId: 'hygiene.strategy.lead-agency', patch: { rating: { kind: 'notApplicable', reason: 'Assessed under the ministry scope.' } }, base: { rating: null }, by });
  await api(page, 'updateResponse', { id: follow.id, indicatorId: 'hygiene.strategy.budget', patch: { rating: { kind: 'level', level: 4 }, confidence: 'low', flagged: true }, base: { rating: null, confidence: null, flagged: false }, by });
  await api(page, 'addAttachment', {
    id: follow.id,
    indicatorId: 'hygiene.strategy.document',
    fileName: 'gazette-notice-2022.pdf',
    mediaType: 'application/pdf',
    contentBase64: Buffer.from('%PDF-1.4 gazette notice').toString('base64'),
    by,
  });
  await page.evaluate(([a, b, name]) => {
    localStorage.setItem(`ccat.assessor.${a}`, name);
    localStorage.setItem(`ccat.assessor.${b}`, name);
    localStorage.setItem('ccat.assessor', name);
  }, [follow.id, baseline.id, assessor] as const);
  return { baselineId: baseline.id, id: follow.id, sessionId: session.id };
}
