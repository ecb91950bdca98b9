import { chmod, chown } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, go, openPage, readStored, shot, waitSaved } from './app';
import { newDataDir, startServe, type ServeOptions } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

const indicator = 'hygiene.csirt.staffing';

async function openIndicator(page: Page, id: string) {
  await go(page, `#/a/${id}/i/${indicator}`);
  await page.getByText('Indicator 1.2.3', { exact: true }).waitFor();
  return page.getByLabel('Evidence and notes');
}

describe('nothing typed is lost', () => {
  it('keeps a saved note when the serve process is killed with SIGKILL and started again', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve);
    const created = await api(page, 'createAssessment', { title: 'Power cut test', country: 'KE', mode: 'field' });
    const notes = await openIndicator(page, created.id);
    const text = 'Typed just before the power cut: CSIRT has 4 analysts and 2 vacancies.';
    await notes.pressSequentially(text);
    await waitSaved(page);

    // No shutdown handler runs: the process is gone as after a crash or a power cut.
    const killed = e2e.serve.child;
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    expect(killed.signalCode).toBe('SIGKILL');

    e2e.serve = await startServe(e2e.dataDir);
    await page.goto(e2e.serve.url);
    await page.waitForFunction(() => window.location.hash === '#/');
    await page.reload();
    expect(await (await openIndicator(page, created.id)).inputValue()).toBe(text);
    expect((await readStored(e2e.dataDir, created.id)).responses[indicator]?.notes).toBe(text);
    await context.close();
  });

  it('shows an autosave error at once when the data folder is read-only, and keeps the text on screen', async () => {
    e2e.dataDir = await newDataDir();
    // Root ignores file permissions, so as root serve runs as "nobody" and the permission is real.
    const asRoot = process.getuid?.() === 0;
    const options: ServeOptions = asRoot ? { uid: 65534, gid: 65534 } : {};
    if (asRoot) await chown(e2e.dataDir, 65534, 65534);
    e2e.serve = await startServe(e2e.dataDir, options);
    const { page, context } = await openPage(e2e.browser, e2e.serve);
    const created = await api(page, 'createAssessment', { title: 'Read-only folder test', country: 'KE', mode: 'field' });
    const notes = await openIndicator(page, created.id);
    await notes.pressSequentially('Saved part.');
    await waitSaved(page);

    const folder = join(e2e.dataDir, 'assessments', created.id);
    await chmod(folder, 0o500);
    const typed = ' Typed while the folder is read-only.';
    await notes.pressSequentially(typed);
    const alert = page.locator('.save-error[role="alert"]');
    // Debounce (≤ 500 ms) plus one failed write: "at once" for a person.
    await alert.waitFor({ timeout: 3000 });
    expect(await alert.innerText()).toMatch(/Not saved: CCAT may not write to its data folder..*Your text stays on screen/s);
    expect(await alert.innerText()).toContain(folder);
    expect(await notes.inputValue()).toBe(`Saved part.${typed}`);
    await shot(page, 'autosave-error-en');

    // Writable again: the retry saves what was kept.
    await chmod(folder, 0o700);
    await page.getByRole('button', { name: 'Try saving again' }).click();
    await waitSaved(page);
    expect((await readStored(e2e.dataDir, created.id)).responses[indicator]?.notes).toBe(`Saved part.${typed}`);
    await context.close();
  });
});
