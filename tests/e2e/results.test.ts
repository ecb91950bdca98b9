import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docxText } from '../core/report/extract';
import { api, openPage, readStored, shot, type Language } from './app';
import { newDataDir, root, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

const hostile = '<img src=x onerror=alert(1)> </script><script>alert(2)</script> javascript:alert(3) مرحبا';

/** A Ghana assessment with gaps in two capabilities, donor support in one domain, and a hostile note. */
async function seedResults(page: Page): Promise<string> {
  const { id } = await api(page, 'createAssessment', {
    title: 'Ghana national assessment',
    country: 'GH',
    mode: 'field',
    context: { donorSupport: { hygiene: { extent: 2, who: 'World Bank' } }, absorptiveCapacity: 2, notes: '' },
  });
  const ratings: Array<[string, number]> = [
    ['hygiene.csirt.mandate', 1],
    ['hygiene.csirt.services', 2],
    ['hygiene.csirt.staffing', 1],
    ['hygiene.csirt.international', 2],
    ['cybercrime.forensics.laboratory', 1],
    ['hr.awareness.national-campaigns', 4],
  ];
  for (const [indicatorId, level] of ratings) {
    await api(page, 'updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level }, confidence: 'medium', notes: indicatorId === 'hygiene.csirt.mandate' ? hostile : '' }, base: { rating: null, confidence: null, notes: '' } });
  }
  return id;
}

async function openResults(language: Language): Promise<{ page: Page; id: string; external: string[] }> {
  e2e.dataDir = await newDataDir();
  e2e.serve = await startServe(e2e.dataDir);
  const { page, external } = await openPage(e2e.browser, e2e.serve, { language });
  const id = await seedResults(page);
  await page.goto(`${e2e.serve.origin}/#/a/${id}/results`);
  await page.locator('.plan[aria-busy="false"] .plan-card').first().waitFor();
  await openAllPhases(page);
  return { page, id, external };
}

/** Phases after the first start folded. */
async function openAllPhases(page: Page): Promise<void> {
  for (const summary of await page.locator('.plan-phase:not([open]) > summary').all()) await summary.click();
}

describe('results screen and support plan', () => {
  it('shows scores with coverage, the capability gaps, the level distribution and the proposed plan', async () => {
    const { page, external } = await openResults('en');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));

    await page.getByRole('heading', { name: 'Domain scores' }).waitFor();
    const hygieneRow = page.getByRole('row', { name: /1\. Cyber hygiene/ }).first();
    // Hygiene: csirt mean 1.5 is its only scored capability → domain 1.50; 4 of 22 answered.
    await expect.poll(() => hygieneRow.textContent()).toMatch(/1\.50.*4 of 22 indicators answered/);
    await page.getByText('score 1.5 · target 3.0 · gap 1.5').first().waitFor();
    await page.getByRole('heading', { name: 'Indicator ratings per domain' }).waitFor();
    // csirt (gap 1.5) and forensics (gap 2): awareness at 4 has none.
    await page.getByText('Capability gaps by priority (2)').click();
    await page.getByRole('table', { name: 'Capability gaps by priority' }).waitFor();
    await page.getByText('Other donors active: domain 1: World Bank (substantial)').first().waitFor();
    await shot(page, 'results-plan-en');

    // The hostile note is text on the rating screen, never markup.
    await page.getByRole('link', { name: 'Rating', exact: true }).click();
    await page.getByRole('link', { name: /1\.2\.1 / }).click();
    await expect.poll(() => page.getByLabel('Evidence and notes').inputValue()).toBe(hostile);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
  });

  it('stores the team’s decisions and own actions and shows them after a reload', async () => {
    const { page, id } = await openResults('en');
    const card = page.locator('.plan-card').first();
    const first = card.locator('.plan-item').first();
    const recommendation = (await first.getAttribute('data-recommendation'))!;
    await first.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => first.getAttribute('class')).toContain('decision-rejected');

    await page.getByLabel('Capability', { exact: true }).selectOption('cybercrime.forensics');
    await page.getByLabel('Action', { exact: true }).fill('Second a forensic examiner to the national lab');
    await page.getByLabel('Owner').fill('JICA Ghana office');
    await page.getByLabel('Phase').selectOption('medium');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByText('Second a forensic examiner to the national lab').waitFor();

    await page.reload();
    await page.locator('.plan[aria-busy="false"] .plan-card').first().waitFor();
    await openAllPhases(page);
    await expect.poll(() => page.locator('.plan-item.decision-rejected').count()).toBe(1);
    expect(await page.locator('.plan-item.decision-rejected').getAttribute('data-recommendation')).toBe(recommendation);
    await page.getByText('owner: JICA Ghana office').waitFor();
    const stored = await readStored(e2e.dataDir!, id);
    expect(stored.plan.decisions).toEqual({ [recommendation]: { decision: 'rejected' } });
    expect(stored.plan.customActions).toMatchObject([{ capabilityId: 'cybercrime.forensics', owner: 'JICA Ghana office', phase: 'medium' }]);
  });

  it('exports from the dialog a Japanese summary PDF and a Japanese–English plan DOCX that read back with the assessment title and the proposed plan', async () => {
    const { page } = await openResults('ja');
    const firstProgramme = (await page.locator('.plan-card-title strong').first().textContent())!.trim();
    await shot(page, 'results-plan-ja');
    await page.getByRole('button', { name: '出力…' }).click();
    await page.getByRole('heading', { name: 'レポートの出力' }).waitFor();
    await shot(page, 'export-dialog-ja', false);
    await page.getByRole('radio', { name: /^概要版/ }).check();
    await page.getByLabel('形式').selectOption('pdf');
    let download = page.waitForEvent('download');
    await page.getByRole('button', { name: '出力', exact: true }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/-GH-summary-ja-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfPath = join(root, 'artifacts', 'exports', pdf.suggestedFilename());
    await pdf.saveAs(pdfPath);
    // Read back as a reader would: the Japanese summary names the assessment and says what it is.
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Ghana national assessment');
    expect(pdfText).toContain('サイバー能力評価報告書');
    expect(pdfText).toContain('ガーナ');
    await page.getByText(/を出力しました。書き出し後の確認：\d+ページ/).waitFor();

    await page.getByRole('radio', { name: /^支援計画/ }).check();
    await page.getByLabel('形式').selectOption('docx');
    await page.getByLabel('第二言語（併記）').selectOption('en');
    download = page.waitForEvent('download');
    await page.getByRole('button', { name: '出力', exact: true }).click();
    const docx = await download;
    expect(docx.suggestedFilename()).toMatch(/-GH-plan-ja-en-\d{4}-\d{2}-\d{2}\.docx$/);
    const docxPath = join(root, 'artifacts', 'exports', docx.suggestedFilename());
    await docx.saveAs(docxPath);
    const docxContent = await docxText(new Uint8Array(await readFile(docxPath)));
    expect(docxContent).toContain('Ghana national assessment');
    // The plan, in both languages: the programme the page proposes first is in the document.
    expect(docxContent).toContain('支援計画');
    expect(docxContent).toContain('Support plan');
    expect(docxContent).toContain(firstProgramme);
  });
});
