import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, go, openPage, shot, waitSaved, type Language } from './app';
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
        if (indicatorId === longDescriptors) await shot(page, `rating-workshop-${label}-${language}`, false);
        const question = await place(page, '#indicator-question');
        const cards = await place(page, '.level-card');
        const chosen = await place(page, '.level-card.selected');
        const next = await place(page, `a:text-is("${nextName[language]} →")`);
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
      }
      await context.close();
    }
  });
});
