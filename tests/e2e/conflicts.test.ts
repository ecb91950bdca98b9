import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, axeViolations, go, openPage, readStored, shot, waitSaved, type Language } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();
const indicator = 'hygiene.csirt.staffing';

const words = {
  en: { heading: 'Changed elsewhere: 1 change needs your choice', combine: 'Combine both', save: 'Save the combined text', keepMine: 'Keep mine' },
  ja: { heading: '別の画面で変更されています：1件について選んでください', combine: '両方をまとめる', save: 'まとめた内容を保存', keepMine: '自分の内容を残す' },
};

/** Two tabs on the same indicator of one assessment, both showing it as it was before either typed. */
async function twoTabs(language: Language) {
  e2e.dataDir = await newDataDir();
  e2e.serve = await startServe(e2e.dataDir);
  const a = await openPage(e2e.browser, e2e.serve, { language });
  // axe-core is injected as an inline script, which the app's CSP forbids.
  const b = await openPage(e2e.browser, e2e.serve, { language, bypassCSP: true });
  const { id } = await api(a.page, 'createAssessment', { title: 'Two tabs', country: 'KE', mode: 'field' });
  for (const { page } of [a, b]) {
    await go(page, `#/a/${id}/i/${indicator}`);
    await page.locator('#notes').waitFor();
  }
  return { id, a: a.page, b: b.page };
}

async function conflictPanel(page: Page, language: Language) {
  const panel = page.getByRole('alert').filter({ hasText: words[language].heading });
  await panel.waitFor({ timeout: 10_000 });
  return panel;
}

describe('two tabs on one assessment', () => {
  it('shows the stale tab both notes and saves the combination it chooses', async () => {
    const { id, a, b } = await twoTabs('en');
    const first = 'Tab A: 4 analysts, 2 vacancies.';
    const second = 'Tab B: ticketing tool bought in 2024.';
    await a.locator('#notes').pressSequentially(first);
    await waitSaved(a);

    await b.locator('#notes').pressSequentially(second);
    const panel = await conflictPanel(b, 'en');
    await expect.poll(() => panel.locator('[data-version="yours"]').textContent()).toBe(second);
    expect(await panel.locator('[data-version="stored"]').textContent()).toBe(first);
    // Refused, not overwritten: the disk still holds tab A's text.
    expect((await readStored(e2e.dataDir!, id)).responses[indicator]?.notes).toBe(first);
    expect(await b.locator('.save-status').textContent()).toMatch(/^Not saved: changed elsewhere/);
    await shot(b, 'conflict-panel-en');
    expect(await axeViolations(b)).toEqual([]);
    // A refused save waits for the user: the autosave does not send it again and again.
    const resent: string[] = [];
    b.on('request', (request) => void (request.url().includes('/api/updateResponse') && resent.push(request.url())));
    await b.waitForTimeout(5000);
    expect(resent).toEqual([]);

    await panel.getByRole('button', { name: words.en.combine }).click();
    const combined = `${first}\n\n${second}`;
    expect(await b.getByLabel('Combined text').inputValue()).toBe(combined);
    await shot(b, 'conflict-combine-en', false);
    await panel.getByRole('button', { name: words.en.save }).click();
    await waitSaved(b);
    expect(await b.getByRole('alert').filter({ hasText: words.en.heading }).count()).toBe(0);
    expect(await b.locator('#notes').inputValue()).toBe(combined);
    expect((await readStored(e2e.dataDir!, id)).responses[indicator]?.notes).toBe(combined);
  });

  it('lets a stale tab in Japanese keep its own text, without overwriting unseen', async () => {
    const { id, a, b } = await twoTabs('ja');
    await a.locator('#notes').pressSequentially('タブA：分析官4名');
    await waitSaved(a, 'ja');
    await b.locator('#notes').pressSequentially('タブB：チケット管理ツール導入済み');
    const panel = await conflictPanel(b, 'ja');
    await expect.poll(() => panel.locator('[data-version="yours"]').textContent()).toBe('タブB：チケット管理ツール導入済み');
    await shot(b, 'conflict-panel-ja');
    await panel.getByRole('button', { name: words.ja.keepMine }).click();
    await waitSaved(b, 'ja');
    expect((await readStored(e2e.dataDir!, id)).responses[indicator]?.notes).toBe('タブB：チケット管理ツール導入済み');
  });

  it('keeps a member added in one tab and a member changed in the other, and merges the country context part by part', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const [{ page: a }, { page: b }] = [await openPage(e2e.browser, e2e.serve), await openPage(e2e.browser, e2e.serve)];
    const { id } = await api(a, 'createAssessment', { title: 'Team in two tabs', country: 'KE', mode: 'field', team: [{ name: 'Aiko Tanaka', role: 'Lead' }] });
    for (const page of [a, b]) {
      await go(page, `#/a/${id}/setup/team`);
      await page.getByLabel('Name of member 1').waitFor();
    }
    await a.getByRole('button', { name: /Add a team member/ }).click();
    await a.getByLabel('Name of member 2').fill('Kwame Mensah');
    await waitSaved(a);
    await b.getByLabel('Role of member 1').fill('Team leader');
    await waitSaved(b);
    expect((await readStored(e2e.dataDir, id)).team).toEqual([
      { name: 'Aiko Tanaka', role: 'Team leader' },
      { name: 'Kwame Mensah', role: '' },
    ]);

    for (const page of [a, b]) await go(page, `#/a/${id}/setup/context`);
    await a.getByLabel('Notes on the country context').fill('UNODC runs a regional cybercrime programme.');
    await waitSaved(a);
    await b.getByRole('radio', { name: /High/ }).first().check();
    await waitSaved(b);
    await b.getByLabel('Notes on the country context').fill('EU funds CSIRT training.');
    const panel = b.getByRole('alert').filter({ hasText: words.en.heading });
    await panel.waitFor({ timeout: 10_000 });
    await shot(b, 'conflict-context-en');
    const stored = await readStored(e2e.dataDir, id);
    expect(stored.context.notes).toBe('UNODC runs a regional cybercrime programme.');
    expect(Object.values(stored.context).filter((v) => v === 3)).toHaveLength(1);
  });
});
