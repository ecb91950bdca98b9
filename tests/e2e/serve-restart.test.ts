import { describe, expect, it } from 'vitest';
import { api, go, openPage } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

const notAccepted = /not accepted|Refused|session token/;

describe('restarting serve', () => {
  it('says the page lost its session, then adopts the new token when the same tab opens the new address', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve);
    const created = await api(page, 'createAssessment', { title: 'Restart test', country: 'KE', mode: 'field' });
    const first = e2e.serve.url;

    // Same port, new token: the printed address differs from the open one only after '#'.
    await e2e.serve.stop();
    e2e.serve = await startServe(e2e.dataDir, { port: Number(new URL(first).port) });
    expect(e2e.serve.url).not.toBe(first);
    expect(new URL(e2e.serve.url).origin).toBe(new URL(first).origin);

    // The page still holds the old token: the error speaks of the session, not of the input.
    await go(page, `#/a/${created.id}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This page is no longer connected to the running CCAT' });
    await alert.waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(notAccepted);

    await page.evaluate(() => Object.assign(window, { ccatSamePage: true }));
    await page.goto(e2e.serve.url);
    await page.waitForFunction(() => window.location.hash === '#/');
    // No reload happened: the same document took the token from the changed fragment.
    expect(await page.evaluate(() => (window as unknown as { ccatSamePage?: boolean }).ccatSamePage)).toBe(true);
    await page.getByText('Restart test').first().waitFor();
    await go(page, `#/a/${created.id}`);
    await page.getByRole('heading', { name: 'Restart test' }).first().waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'no longer connected' }).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(notAccepted);
    await context.close();
  });
});
