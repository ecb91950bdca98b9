import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, axeViolations, go, openPage, readStored, shot, waitSaved, type Language } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

/** The indicators with the longest descriptors (en 310 characters, ja 121) and the longest question. */
const longDescriptors = 'hygiene.incident-management.classification';
const longQuestion = 'norms.cbms.regional-transparency';

/** A Viet Nam field assessment with two session inputs on each long indicator. */
async function workshop(page: Page) {
  const by = 'Aiko Tanaka';
  const created = await api(page, 'createAssessment', { title: 'ベトナム国家サイバー能力評価 2026年3月ミッション', country: 'VN', mode: 'field', team: [{ name: by, role: 'Team leader' }], by });
  for (const [title, cluster] of [
    ['VNCERT technical team', 'csirt'],
    ['Ministry of Public Security', 'law-enforcement'],
  ] as const) {
    const session = await api(page, 'saveSession', { id: created.id, session: { title, date: '2026-03-03', cluster, participants: 5, organisations: 'VNCERT/CC', nonAttributable: false, notes: '' }, by });
    for (const indicatorId of [longDescriptors, longQuestion]) {
      await api(page, 'updateSessionInput', { id: created.id, sessionId: session.id, indicatorId, input: { note: '予算は年度ごとに確保。インシデントの分類基準は文書化されているが、運用は担当者に依存している。', level: 2 }, base: null, by });
    }
  }
  return created.id;
}

/** Where an element is, top and bottom, in viewport pixels. */
function place(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((els) => els.map((el) => {
    const box = el.getBoundingClientRect();
    return { top: Math.round(box.top), bottom: Math.round(box.bottom), text: (el.textContent ?? '').trim().slice(0, 30) };
  }));
}

const sizes = [
  { label: '1366x680', width: 1366, height: 680 },
  { label: '1280x650', width: 1280, height: 650 },
];
const nextName: Record<Language, string> = { en: 'Next indicator', ja: '次の指標' };
const inputsHeading: Record<Language, string> = { en: 'Input from sessions (2)', ja: 'セッションからの情報（2件）' };

describe('rating in a live workshop', () => {
  it.each(sizes)('at $label the question, the five levels, the choice and Next fit without scrolling, with session inputs, in English and Japanese', async ({ label, width, height }) => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const opened = await openPage(e2e.browser, e2e.serve, { width, height });
    const id = await workshop(opened.page);
    await opened.context.close();
    for (const language of ['en', 'ja'] as const) {
      const { page, context } = await openPage(e2e.browser, e2e.serve, { width, height, language });
      for (const indicatorId of [longDescriptors, longQuestion]) {
        await go(page, `#/a/${id}/i/${indicatorId}`);
        await page.getByRole('heading', { name: inputsHeading[language] }).waitFor();
        await page.keyboard.press('3');
        await waitSaved(page, language);
        await shot(page, `rating-workshop-${label}-${language}${indicatorId === longDescriptors ? '' : '-long-question'}`, false);
        const question = await place(page, '#indicator-question');
        const cards = await place(page, '.level-card');
        const chosen = await place(page, '.level-card.selected');
        // The arrow is a decoration of its own (it turns round in right-to-left languages): the link says the words.
        const next = await place(page, `a:text-is("${nextName[language]}")`);
        // The rating bar sticks to the bottom of the window: a card beneath it would be hidden.
        const [bar] = await place(page, '.rating-bar');
        const where = `${indicatorId} ${language} ${label}`;
        expect(cards, where).toHaveLength(5);
        expect(chosen, where).toHaveLength(1);
        for (const box of [...question, ...cards, ...chosen]) {
          expect(box.top, `${where}: "${box.text}" starts in view`).toBeGreaterThanOrEqual(0);
          expect(box.bottom, `${where}: "${box.text}" ends above the rating bar`).toBeLessThanOrEqual(bar!.top);
        }
        expect(next, where).toHaveLength(1);
        expect(next[0]!.top, where).toBeGreaterThanOrEqual(bar!.top);
        expect(next[0]!.bottom, where).toBeLessThanOrEqual(height);
        expect(await page.evaluate(() => window.scrollY), where).toBe(0);
        if (indicatorId !== longDescriptors) continue;
        // Changing the level shows the undo toast inside the bar's last row: the levels stay clear of it.
        await page.keyboard.press('4');
        await page.getByRole('button', { name: language === 'en' ? 'Undo' : '元に戻す' }).waitFor();
        const [barWithToast] = await place(page, '.rating-bar');
        for (const box of await place(page, '.level-card')) expect(box.bottom, `${where} with the undo toast`).toBeLessThanOrEqual(barWithToast!.top);
        await shot(page, `rating-workshop-undo-${label}-${language}`, false);
        await page.keyboard.press('?');
        await page.getByRole('dialog').waitFor();
        await shot(page, `rating-workshop-keys-${label}-${language}`, false);
        await page.keyboard.press('Escape');
      }
      await context.close();
    }
  });
});

/** The first `count` indicators of the framework the assessment uses, in order. */
async function firstIndicators(page: Page, id: string, count: number): Promise<string[]> {
  const { framework } = await api(page, 'openAssessment', { id });
  return framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators.map((i) => i.id))).slice(0, count);
}

describe('rating with the keyboard only', () => {
  it('rates ten indicators with the keys, saving what the keys chose, and never fires a key while typing', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve);
    const created = await api(page, 'createAssessment', { title: 'Keyboard workshop', country: 'GH', mode: 'field' });
    const ids = await firstIndicators(page, created.id, 10);
    await go(page, `#/a/${created.id}/i/${ids[0]}`);
    await page.getByText('Indicator 1.1.1', { exact: true }).waitFor();

    // The list of keys, from the keyboard.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts for rating' });
    await help.getByRole('cell', { name: 'Not applicable, then type the reason' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);

    const type = async (text: string) => {
      await page.keyboard.type(text);
      await page.keyboard.press('Escape');
    };
    const steps: Array<() => Promise<void>> = [
      async () => page.keyboard.press('3').then(() => page.keyboard.press('M')),
      async () => page.keyboard.press('2').then(() => page.keyboard.press('L')).then(() => page.keyboard.press('F')),
      async () => page.keyboard.press('N').then(() => type('Covered by the ministry scope')),
      async () => page.keyboard.press('U'),
      // Digits typed in the notes stay text: the level remains 4.
      async () => page.keyboard.press('4').then(() => page.keyboard.press('H')).then(() => page.keyboard.press('E')).then(() => type('Gazette 2022 seen, decree 15')),
      async () => page.keyboard.press('1'),
      async () => page.keyboard.press('5').then(() => page.keyboard.press('M')),
      async () => page.keyboard.press('2').then(() => page.keyboard.press('3')),
      async () => page.keyboard.press('F'),
      async () => page.keyboard.press('4').then(() => page.keyboard.press('L')),
    ];
    // No waiting between keys, as a fast typist goes: "]" shows the next indicator before the next key arrives.
    for (const [i, step] of steps.entries()) {
      expect(decodeURIComponent(page.url()).endsWith(`/i/${ids[i]}`)).toBe(true);
      await step();
      if (i < steps.length - 1) await page.keyboard.press(']');
    }
    await waitSaved(page);
    // [ goes back.
    await page.keyboard.press('[');
    await expect.poll(() => decodeURIComponent(page.url())).toContain(ids[8]!);

    const stored = await readStored(e2e.dataDir, created.id);
    const r = (n: number) => stored.responses[ids[n]!];
    expect(r(0)).toMatchObject({ rating: { kind: 'level', level: 3 }, confidence: 'medium', flagged: false });
    expect(r(1)).toMatchObject({ rating: { kind: 'level', level: 2 }, confidence: 'low', flagged: true });
    expect(r(2)?.rating).toEqual({ kind: 'notApplicable', reason: 'Covered by the ministry scope' });
    expect(r(3)?.rating).toEqual({ kind: 'unknown' });
    expect(r(4)).toMatchObject({ rating: { kind: 'level', level: 4 }, confidence: 'high', notes: 'Gazette 2022 seen, decree 15' });
    expect(r(5)?.rating).toEqual({ kind: 'level', level: 1 });
    expect(r(6)).toMatchObject({ rating: { kind: 'level', level: 5 }, confidence: 'medium' });
    expect(r(7)?.rating).toEqual({ kind: 'level', level: 3 });
    expect(r(8)).toMatchObject({ flagged: true });
    expect(r(8)?.rating).toBeUndefined();
    expect(r(9)).toMatchObject({ rating: { kind: 'level', level: 4 }, confidence: 'low' });

    // Screen readers hear each indicator's state in the list, not only a mark.
    const tree = page.getByRole('navigation', { name: 'Indicators' });
    await tree.getByRole('link', { name: /^1\.1\.1 .*\(rated 3\)$/ }).waitFor();
    await tree.getByRole('link', { name: /^1\.1\.3 .*\(not applicable\)$/ }).waitFor();
    await tree.getByRole('link', { name: /^1\.1\.4 .*\(unknown\)$/ }).waitFor();
    expect(await tree.getByRole('link', { name: /\(Not answered\)$/ }).count()).toBeGreaterThan(0);

    // From the chosen level, Next is two Tabs away.
    await page.getByRole('radio', { name: /^4 · / }).focus();
    let tabs = 0;
    while (tabs < 12 && !(await page.evaluate(() => document.activeElement?.textContent?.includes('Next indicator') ?? false))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThanOrEqual(2);
    await context.close();
  });
});

describe('undo', () => {
  it('takes back a changed level, a cleared rating and a removed file, saved like any edit', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, context } = await openPage(e2e.browser, e2e.serve, { bypassCSP: true });
    const created = await api(page, 'createAssessment', { title: 'Undo workshop', country: 'GH', mode: 'field' });
    const [first] = await firstIndicators(page, created.id, 1);
    const file = await api(page, 'addAttachment', { id: created.id, indicatorId: first!, fileName: 'decree-15.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 decree').toString('base64') });
    await go(page, `#/a/${created.id}/i/${first}`);
    await page.getByText('Indicator 1.1.1', { exact: true }).waitFor();
    const stored = async () => (await readStored(e2e.dataDir!, created.id)).responses[first!];
    const toast = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Undo' }) });

    await page.keyboard.press('2');
    await page.keyboard.press('L');
    await waitSaved(page);
    expect(await toast.count()).toBe(0);
    await page.keyboard.press('4');
    await toast.filter({ hasText: '1.1.1: changed from 2 — Formative to 4 — Strategic' }).waitFor();
    await shot(page, 'rating-undo-toast-en', false);
    expect(await axeViolations(page)).toEqual([]);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored())?.rating).toEqual({ kind: 'level', level: 2 });
    expect(await page.getByRole('radio', { name: /^2 · / }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Clear rating' }).click();
    await expect.poll(async () => (await stored())?.rating).toBeUndefined();
    await toast.filter({ hasText: 'rating cleared (was 2 — Formative)' }).waitFor();
    // Ctrl+Z outside a text field is the same Undo; confidence comes back with the level.
    await page.locator('#indicator-question').focus();
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await stored())?.confidence).toBe('low');
    expect((await stored())?.rating).toEqual({ kind: 'level', level: 2 });

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts for rating' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Remove decree-15.pdf' }).click();
    await expect.poll(async () => (await stored())?.attachmentIds).toEqual([]);
    await toast.filter({ hasText: 'Removed decree-15.pdf from 1.1.1' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored())?.attachmentIds).toEqual([file.id]);
    await page.getByText('Attached decree-15.pdf again.').waitFor();
    expect(await page.getByRole('button', { name: 'Open decree-15.pdf' }).count()).toBe(1);
    await context.close();
  });
});

describe('the person entering data', () => {
  it('is kept in the data folder and survives serve starting on another port', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const first = await openPage(e2e.browser, e2e.serve);
    const created = await api(first.page, 'createAssessment', { title: 'Name test', country: 'VN', mode: 'field', team: [{ name: 'Aiko Tanaka', role: 'Team leader' }] });
    await go(first.page, `#/a/${created.id}/setup/team`);
    await first.page.getByLabel('You are').selectOption('Aiko Tanaka');
    await first.page.getByText('You: Aiko Tanaka').waitFor();
    await expect.poll(async () => JSON.parse(await readFile(join(e2e.dataDir!, 'user-settings.json'), 'utf8')) as unknown).toMatchObject({ assessor: { byAssessment: { [created.id]: 'Aiko Tanaka' } } });
    const origin = e2e.serve.origin;
    await first.context.close();
    await e2e.serve.stop();

    e2e.serve = await startServe(e2e.dataDir);
    expect(e2e.serve.origin).not.toBe(origin);
    const again = await openPage(e2e.browser, e2e.serve);
    // A new assessment offers the name used last in this data folder, before any assessment is opened here.
    await go(again.page, '#/new');
    await expect.poll(() => again.page.getByLabel('Your name').inputValue()).toBe('Aiko Tanaka');
    await go(again.page, `#/a/${created.id}/i/${(await firstIndicators(again.page, created.id, 1))[0]}`);
    await again.page.getByText('You: Aiko Tanaka').waitFor();
    await again.page.keyboard.press('3');
    await waitSaved(again.page);
    const stored = await readStored(e2e.dataDir, created.id);
    expect(Object.values(stored.responses)[0]?.updatedBy).toBe('Aiko Tanaka');
    await again.context.close();
  });
});

describe('date fields', () => {
  it('show and take dates in the UI language, whatever the browser locale, and save ISO dates', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    // A Japanese UI in an en-US browser: a native date input would show 03/03/2026.
    const { page, context } = await openPage(e2e.browser, e2e.serve, { language: 'en' });
    await page.evaluate(() => localStorage.setItem('ccat.language', 'ja'));
    const created = await api(page, 'createAssessment', { title: 'Dates', country: 'VN', mode: 'field', period: { from: '2026-03-03' } });
    await page.reload();
    await go(page, `#/a/${created.id}/setup/team`);
    const from = page.locator('#period-from');
    await expect.poll(() => from.inputValue()).toBe('2026/03/03');
    await page.locator('#period-to').fill('２０２６年３月１３日');
    await page.locator('#period-to').blur();
    expect(await page.locator('#period-to').inputValue()).toBe('2026/03/13');
    await expect.poll(async () => (await readStored(e2e.dataDir!, created.id)).period).toEqual({ from: '2026-03-03', to: '2026-03-13' });
    // Month/day order would be a guess: it is refused with an example of what to write.
    await from.fill('03/04/2026');
    await from.blur();
    await page.getByText('日付として読み取れません。2026/03/31 のように入力してください。').waitFor();
    expect((await readStored(e2e.dataDir, created.id)).period.from).toBe('2026-03-03');
    await context.close();
  });
});
