import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, assessmentIdOf, axeViolations, go, openPage, readStored, shot, type Language } from './app';
import { chooseCcatFile } from './ccat-import';
import { newDataDir, removeDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();
const level = (n: 1 | 2 | 3 | 4 | 5) => ({ kind: 'level', level: n }) as const;
const ids = { near: 'hygiene.csirt.mandate', far: 'hygiene.csirt.services', unknown: 'hygiene.csirt.staffing', agree: 'hygiene.strategy.document' };

const words = {
  en: {
    heading: 'Merge two assessments',
    compareHeading: 'Compare two assessments',
    open3: '3 of 3 differences still to resolve',
    open2: '2 of 3 differences still to resolve',
    done: 'All 3 differences resolved',
    rule: 'A reason is required when the two ratings are more than one level apart.',
    reasonMissing: 'Give a reason: the ratings are more than one level apart.',
    create: 'Create merged assessment',
    takeNew: 'Set a new level',
    field: 'Ghana field 2026 (Field assessment)',
    self: 'Ghana self 2026 (Self-assessment)',
  },
  ja: {
    heading: '2件の評価の統合',
    compareHeading: '2件の評価の比較',
    open3: '未解決の相違：3件中3件',
    open2: '未解決の相違：3件中2件',
    done: '3件の相違をすべて解決済み',
    rule: '二つの評定が2レベル以上離れている場合は、理由の記入が必要です。',
    reasonMissing: '評定が2レベル以上離れているため、理由を記入してください。',
    create: '統合した評価を作成',
    takeNew: '新しいレベルを設定',
    field: 'Ghana field 2026（現地調査による評価）',
    self: 'Ghana self 2026（自己評価）',
  },
} as const;

/**
 * The field team's assessment and the agency's self-assessment of Ghana, created through the API:
 * the field one on `fieldPage`'s data folder (the field laptop), the self-assessment on `page`'s.
 */
async function seedPair(page: Page, fieldPage: Page = page) {
  const field = await api(fieldPage, 'createAssessment', { title: 'Ghana field 2026', country: 'GH', mode: 'field' });
  const self = await api(page, 'createAssessment', { title: 'Ghana self 2026', country: 'GH', mode: 'self' });
  const rate = (on: Page, id: string, indicatorId: string, rating: unknown, notes: string) =>
    api(on, 'updateResponse', { id, indicatorId, patch: { rating: rating as never, confidence: 'medium', notes }, base: { rating: null, confidence: null, notes: '' } });
  await rate(fieldPage, field.id, ids.agree, level(2), 'Strategy of 2015.');
  await rate(page, self.id, ids.agree, level(2), 'Strategy of 2015.');
  await rate(fieldPage, field.id, ids.near, level(3), 'Mandate in the Act.');
  await rate(page, self.id, ids.near, level(2), 'Mandate unclear to us.');
  await rate(fieldPage, field.id, ids.far, level(1), 'Incident handling only.');
  await rate(page, self.id, ids.far, level(4), 'Full service catalogue.');
  await rate(fieldPage, field.id, ids.unknown, { kind: 'unknown' }, '');
  await rate(page, self.id, ids.unknown, level(3), '12 analysts.');
  return { field, self };
}

async function start(language: Language) {
  e2e.dataDir = await newDataDir();
  e2e.serve = await startServe(e2e.dataDir);
  const opened = await openPage(e2e.browser, e2e.serve, { language, width: 1366, height: 680, bypassCSP: true });
  const pair = await seedPair(opened.page);
  return { ...opened, ...pair };
}

/**
 * HQ's laptop holds the agency's self-assessment; the field team rated on its own laptop (a second
 * data folder and serve) and sends a signed .ccat, which HQ imports through the UI, confirming the new signer.
 */
async function startWithFieldFileFromAnotherLaptop() {
  const fieldDir = await newDataDir();
  const fieldServe = await startServe(fieldDir);
  try {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const fieldLaptop = await openPage(e2e.browser, fieldServe, { bypassCSP: true });
    const opened = await openPage(e2e.browser, e2e.serve, { width: 1366, height: 680, bypassCSP: true });
    const pair = await seedPair(opened.page, fieldLaptop.page);
    const file = await api(fieldLaptop.page, 'exportBundle', { ids: [pair.field.id], by: 'Field team' });
    await opened.page.reload();
    await chooseCcatFile(opened.page, 'en', { name: file.fileName, bytes: Buffer.from(file.content, 'base64') });
    await opened.page.getByText('New signer', { exact: true }).waitFor();
    await opened.page.getByLabel(/every group matches/).check();
    await opened.page.getByRole('button', { name: 'Import', exact: true }).click();
    await opened.page.getByRole('heading', { name: 'Import complete' }).waitFor();
    expect(await readStored(e2e.dataDir, pair.field.id)).toEqual(await readStored(fieldDir, pair.field.id));
    await opened.page.getByRole('link', { name: 'Back to the assessments' }).click();
    return { ...opened, ...pair };
  } finally {
    await fieldServe.stop();
    await removeDir(fieldDir);
  }
}

const difference = (page: Page, indicatorId: string) => page.locator(`section[data-indicator="${indicatorId}"]`);

describe('merging a field assessment with a self-assessment', () => {
  it('imports the field team’s .ccat from another laptop, picks it and the self-assessment on the home list, resolves three differences with reasons, and the merged history on disk names both sources', async () => {
    const w = words.en;
    const { page, field, self } = await startWithFieldFileFromAnotherLaptop();
    await page.getByRole('checkbox', { name: /Ghana field 2026/ }).check();
    await page.getByRole('checkbox', { name: /Ghana self 2026/ }).check();
    await page.getByText('Selected: “Ghana field 2026” and “Ghana self 2026”.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'home-pair-en', false);
    await page.getByRole('link', { name: 'Merge', exact: true }).click();
    await page.getByRole('heading', { name: w.heading }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(w.open3);
    await page.getByText(w.rule).waitFor();
    await shot(page, 'merge-en', false);
    const create = page.getByRole('button', { name: w.create });
    expect(await create.isDisabled()).toBe(true);

    // 3 vs 2: one level apart, field's rating kept, both notes kept.
    await difference(page, ids.near).getByRole('radio', { name: 'Ghana field 2026: Level 3 — Established' }).check();
    await difference(page, ids.near).getByRole('textbox').fill('The Act names the CSIRT.');
    // 1 vs 4: a new level; without a reason it stays unresolved and says why.
    const far = difference(page, ids.far);
    await far.getByRole('radio', { name: w.takeNew }).check();
    await far.getByRole('combobox', { name: 'New level' }).selectOption('2');
    await far.getByText(w.reasonMissing).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(w.open2);
    await far.getByRole('textbox', { name: 'Reason (required: the ratings are 3 levels apart)' }).fill('Incident handling and advisories only; the catalogue is planned.');
    // unknown vs 3: the self-assessment's rating, its notes only.
    const unknown = difference(page, ids.unknown);
    await unknown.getByRole('radio', { name: 'Ghana self 2026: Level 3 — Established' }).check();
    await unknown.getByRole('textbox').fill('Staff list seen at the CSIRT.');
    await unknown.getByRole('checkbox').uncheck();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(w.done);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'merge-resolved-en');

    const sourcesBefore = [await readStored(e2e.dataDir!, field.id), await readStored(e2e.dataDir!, self.id)];
    await page.getByRole('textbox', { name: 'Your name' }).fill('Hanako Sato (HQ)');
    await create.click();
    await page.waitForFunction(() => /^#\/a\//.test(window.location.hash));
    const mergedId = assessmentIdOf(page);
    expect([field.id, self.id]).not.toContain(mergedId);

    const stored = await readStored(e2e.dataDir!, mergedId);
    expect(stored.responses[ids.near]).toMatchObject({ rating: level(3), notes: '[Ghana field 2026]\nMandate in the Act.\n\n[Ghana self 2026]\nMandate unclear to us.' });
    expect(stored.responses[ids.far]).toMatchObject({ rating: level(2) });
    expect(stored.responses[ids.unknown]).toMatchObject({ rating: level(3), notes: '12 analysts.' });
    const entry = (indicatorId: string) => stored.history.find((e) => e.field === `response:${indicatorId}.merge`);
    expect(entry(ids.near)).toMatchObject({
      by: 'Hanako Sato (HQ)',
      from: { status: 'differ', left: { id: field.id, title: 'Ghana field 2026', rating: level(3) }, right: { id: self.id, title: 'Ghana self 2026', rating: level(2) } },
      to: { take: 'left', rating: level(3), notes: 'both' },
      reason: 'The Act names the CSIRT.',
    });
    expect(entry(ids.far)).toMatchObject({ from: { left: { rating: level(1) }, right: { rating: level(4) } }, to: { take: 'new', rating: level(2) }, reason: 'Incident handling and advisories only; the catalogue is planned.' });
    expect(entry(ids.unknown)).toMatchObject({ from: { left: { rating: { kind: 'unknown' } }, right: { rating: level(3) } }, to: { take: 'right', notes: 'right' }, reason: 'Staff list seen at the CSIRT.' });
    expect(entry(ids.agree)).toMatchObject({ from: { status: 'agree' } });
    // The merged assessment's history screen says the same in words.
    await go(page, `#/a/${mergedId}/history`);
    await page.getByText('“Ghana field 2026”: 1 — Start-up; “Ghana self 2026”: 4 — Strategic').waitFor();
    await page.getByText('2 — Formative, set as a new level').waitFor();
    await page.getByText('3 — Established, from “Ghana self 2026”').waitFor();
    await page.getByText('Incident handling and advisories only; the catalogue is planned.').first().waitFor();
    await page.getByRole('cell', { name: '0 + 0' }).first().waitFor();
    await shot(page, 'merge-history-en');
    // Another country cannot be merged in; the screen says why in the user's words.
    const kenya = await api(page, 'createAssessment', { title: 'Kenya self 2026', country: 'KE', mode: 'self' });
    await go(page, `#/merge/${field.id}/${kenya.id}`);
    await page.getByRole('alert').filter({ hasText: 'These two assessments are of different countries (GH and KE); only assessments of the same country can be compared or merged.' }).waitFor();
    // The sources are unchanged.
    expect([await readStored(e2e.dataDir!, field.id), await readStored(e2e.dataDir!, self.id)]).toEqual(sourcesBefore);
  });

  for (const language of ['en', 'ja'] as const) {
    it(`compares the two on the radar as two series, with the capabilities scored and the differences listed (${language})`, async () => {
      const w = words[language];
      const { page, field, self } = await start(language);
      // One rated indicator in each other domain, so that both series have a shape on the radar.
      for (const [indicatorId, mine, theirs] of [
        ['cip.identification.criteria', 2, 3],
        ['cybercrime.substantive-law.cia-offences', 3, 3],
        ['norms.international-law.national-position', 1, 2],
        ['hr.workforce.workforce-analysis', 2, 4],
      ] as const) {
        for (const [id, value] of [[field.id, mine], [self.id, theirs]] as const) {
          await api(page, 'updateResponse', { id, indicatorId, patch: { rating: level(value) }, base: { rating: null } });
        }
      }
      await go(page, `#/compare/${field.id}/${self.id}`);
      await page.getByRole('heading', { name: w.compareHeading }).waitFor();
      await page.locator('.recharts-radar').first().waitFor({ state: 'attached' });
      expect(await page.locator('.recharts-radar').count()).toBe(2);
      expect(await page.locator('.recharts-legend-item-text').allTextContents()).toEqual([w.field, w.self]);
      const rows = page.locator('table.compare-differences tbody tr');
      // 1.2.1, 1.2.2, 2.1.1, 4.1.1 and 5.1.1; equal levels (3.1.1) and unknown against a level (1.2.3) are not listed.
      expect(await rows.count()).toBe(5);
      expect(await page.locator('table.compare-table tbody tr').count()).toBe(6);
      expect(await rows.first().locator('td').allTextContents()).toEqual(
        language === 'en' ? ['Level 3 — Established', 'Level 2 — Formative', '+1'] : ['レベル3：確立段階', 'レベル2：形成段階', '+1'],
      );
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `compare-${language}`, false);

      // The full report with "Self-assessed vs assessed", from the same screen.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: language === 'en' ? 'Full report with this comparison (HTML)' : '比較を含む完全版レポート（HTML）' }).click();
      const html = await readFile((await (await download).path())!, 'utf8');
      expect(html).toContain(language === 'en' ? 'Self-assessed vs assessed' : '自己評価と現地調査による評価の比較');
      expect(html).toContain(language === 'en' ? '5 indicators are rated one level or more apart.' : '評定が1レベル以上異なる指標は5件です。');
      await shot(page, `compare-full-${language}`);

      if (language === 'ja') {
        await go(page, `#/merge/${field.id}/${self.id}`);
        await page.getByRole('heading', { name: w.heading }).waitFor();
        // The three seeded differences and the three ratings added above for the radar.
        await expect.poll(() => page.getByRole('status').textContent()).toBe('未解決の相違：6件中6件');
        await difference(page, ids.far).getByRole('radio', { name: w.takeNew }).check();
        await difference(page, ids.far).getByText(w.reasonMissing).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await shot(page, 'merge-ja', false);
        await shot(page, 'merge-full-ja');
      }
    });
  }
});
