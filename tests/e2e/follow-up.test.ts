import { describe, expect, it } from 'vitest';
import { api, assessmentIdOf, openPage, readStored, shot } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

describe('follow-up assessments', () => {
  it('start from a baseline: team and context carried over, previous ratings shown beside, never copied', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve);
    const by = 'Aiko Tanaka';
    const baseline = await api(page, 'createAssessment', {
      title: 'Kenya national assessment 2023',
      country: 'KE',
      mode: 'field',
      team: [{ name: by, role: 'Team leader' }],
      period: { from: '2023-05-08', to: '2023-05-19' },
      context: { donorSupport: { cip: { extent: 3, who: 'EU CyberNet' } }, absorptiveCapacity: 2, notes: 'Stable institutions.' },
      by,
    });
    await api(page, 'updateResponse', { id: baseline.id, indicatorId: 'hygiene.strategy.document', patch: { rating: { kind: 'level', level: 2 } }, base: { rating: null }, by });
    await api(page, 'finalizeAssessment', { id: baseline.id, by });
    await page.reload();

    await page.getByRole('link', { name: /Start follow-up/ }).click();
    await page.getByRole('heading', { name: 'New follow-up assessment' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Kenya national assessment 2023 — follow-up');
    expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Kenya');
    expect(await page.getByLabel(/Follow up an earlier assessment/).inputValue()).toBe(baseline.id);
    await page.getByLabel('Title').fill('Kenya follow-up 2025');
    await page.getByLabel('Your name').fill(by);
    await shot(page, 'follow-up-create-en');
    await page.getByRole('button', { name: 'Create and continue' }).click();

    await page.getByRole('heading', { name: 'Team, period and languages' }).waitFor();
    const id = assessmentIdOf(page);
    expect(await page.getByLabel('Name of member 1').inputValue()).toBe(by);
    expect(await page.getByLabel('Role of member 1').inputValue()).toBe('Team leader');
    await page.getByRole('link', { name: /Country context/ }).click();
    await page.getByRole('group', { name: /^2\. Critical infrastructure/ }).getByLabel('Extensive').waitFor();
    expect(await page.getByRole('group', { name: /^2\. Critical infrastructure/ }).getByLabel('Extensive').isChecked()).toBe(true);
    expect(await page.getByLabel('Donors and programmes in domain 2').inputValue()).toBe('EU CyberNet');

    await page.getByRole('link', { name: 'Rating', exact: true }).click();
    await page.getByText('Indicator 1.1.1', { exact: true }).waitFor();
    await page.getByText('Previous (2023): 2 — Formative').waitFor();
    expect(await page.locator('.level-card.selected').count()).toBe(0);
    expect(await page.locator('.level-card', { hasText: 'Previous rating' }).innerText()).toMatch(/^2 · Formative/);
    await page.getByText('0 of 128 indicators answered').waitFor();
    await shot(page, 'follow-up-rating-en');

    const stored = await readStored(e2e.dataDir, id);
    expect(stored.baselineId).toBe(baseline.id);
    expect(stored.responses).toEqual({});
    expect(stored.team).toEqual([{ name: by, role: 'Team leader' }]);
    expect(stored.context.donorSupport.cip).toEqual({ extent: 3, who: 'EU CyberNet' });
    await context.close();
  });
});
