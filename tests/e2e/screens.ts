import type { Page } from 'playwright-core';
import { go, type Language } from './app';
import type { Seeded } from './seed';

export interface Screen {
  name: string;
  /** Gets the page to the screen and waits until its content is there. */
  open: (page: Page) => Promise<void>;
  /** Leaves a dialog screen, so the next screen starts from the page. */
  close?: (page: Page) => Promise<void>;
}

const words = {
  en: {
    sessionsHeading: 'Interviews and workshops',
    capture: 'Capturing: KE-CIRT technical team',
    indicator: 'Indicator 1.1.1',
    previous: /^Previous \(2023\): 2 — Formative$/,
    review: 'Coverage per domain',
    finalise: 'Finalise…',
    finaliseDialog: 'Finalise this assessment',
    finaliseConfirm: 'Finalise and make read-only',
    final: 'Final and read-only.',
    reopen: 'Reopen…',
    reopenDialog: 'Reopen this assessment',
    history: 'Change history',
    historyDetails: 'Change history of this indicator',
    bilingual: 'Show two languages side by side',
    newSession: 'Save and capture notes',
    flagged: /^Flagged/,
    step: (n: number) => `Step ${n} of 4`,
    home: 'Assessments',
    create: 'Create and continue',
    followUp: 'New follow-up assessment',
    results: 'Results',
    exportOpen: 'Export…',
    exportTitle: 'Export a report',
    cannotOpen: 'This assessment cannot be opened',
  },
  ja: {
    sessionsHeading: '聞き取りとワークショップ',
    capture: 'メモ入力中：KE-CIRT technical team',
    indicator: '指標 1.1.1',
    previous: /^前回（2023年）：2 — 形成段階$/,
    review: '領域別の回答状況',
    finalise: '確定する…',
    finaliseDialog: 'この評価を確定',
    finaliseConfirm: '確定して読み取り専用にする',
    final: '確定済みのため読み取り専用です。',
    reopen: '再開する…',
    reopenDialog: 'この評価を再開',
    history: '変更履歴',
    historyDetails: 'この指標の変更履歴',
    bilingual: '2言語を並べて表示',
    newSession: '保存してメモを入力',
    flagged: /^要確認/,
    step: (n: number) => `ステップ ${n}／4`,
    home: '評価',
    create: '作成して次へ',
    followUp: '新しいフォローアップ評価',
    results: '結果',
    exportOpen: '出力…',
    exportTitle: 'レポートの出力',
    cannotOpen: 'この評価を開けません',
  },
} as const;

/** Every screen of the app with seeded content, in the order a team meets them. Some change state (finalise). */
export function screens(language: Language, data: Seeded): Screen[] {
  const w = words[language];
  const a = `#/a/${data.id}`;
  const text = (page: Page, value: string | RegExp) => page.getByText(value).first().waitFor();
  return [
    { name: 'home', open: async (page) => (await page.reload(), await page.getByRole('heading', { name: w.home, exact: true }).waitFor(), await page.locator('tbody tr').nth(1).waitFor()) },
    // HQ's views over the two Kenya assessments (the portfolio e2e covers them with five countries).
    { name: 'portfolio-compare', open: async (page) => (await go(page, `#/portfolio/compare/${data.baselineId},${data.id}`), await page.locator('table.compare-many').waitFor(), await page.locator('.recharts-radar').first().waitFor({ state: 'attached' })) },
    { name: 'portfolio-trend', open: async (page) => (await go(page, '#/portfolio/trend/KE'), await page.locator('table.trend-table').waitFor(), await page.locator('.recharts-line').first().waitFor({ state: 'attached' })) },
    { name: 'portfolio-ranking', open: async (page) => (await go(page, '#/portfolio/ranking'), await page.locator('table.ranking-table tbody tr').first().waitFor()) },
    { name: 'portfolio-trash', open: async (page) => (await go(page, '#/portfolio/trash'), await page.locator('.empty-state').waitFor()) },
    { name: 'create', open: async (page) => (await go(page, '#/new'), await page.getByRole('button', { name: w.create }).waitFor()) },
    { name: 'create-follow-up', open: async (page) => (await go(page, `#/new/from/${data.baselineId}`), await page.getByRole('heading', { name: w.followUp }).waitFor()) },
    { name: 'setup-basics', open: async (page) => (await go(page, `${a}/setup/basics`), await text(page, w.step(1))) },
    { name: 'setup-team', open: async (page) => (await go(page, `${a}/setup/team`), await text(page, w.step(2))) },
    { name: 'setup-targets', open: async (page) => (await go(page, `${a}/setup/targets`), await text(page, w.step(3))) },
    { name: 'setup-context', open: async (page) => (await go(page, `${a}/setup/context`), await text(page, w.step(4))) },
    { name: 'sessions', open: async (page) => (await go(page, `${a}/sessions`), await page.getByRole('heading', { name: w.sessionsHeading }).waitFor()) },
    {
      name: 'session-new-errors',
      open: async (page) => {
        await go(page, `${a}/sessions/new`);
        await page.getByRole('button', { name: w.newSession }).click();
        await page.locator('.field-error').first().waitFor();
      },
    },
    { name: 'session-edit', open: async (page) => (await go(page, `${a}/sessions/${data.sessionId}`), await page.locator('#session-title').waitFor()) },
    { name: 'capture', open: async (page) => (await go(page, `${a}/capture/${data.sessionId}/hygiene.strategy.document`), await text(page, w.capture)) },
    {
      name: 'rating',
      open: async (page) => {
        await go(page, `${a}/i/hygiene.strategy.document`);
        await text(page, w.indicator);
        await text(page, w.previous);
      },
    },
    {
      name: 'rating-bilingual-history',
      open: async (page) => {
        await go(page, `${a}/i/hygiene.strategy.document`);
        await page.getByLabel(w.bilingual).check();
        await page.locator('summary').filter({ hasText: w.historyDetails }).click();
        await page.locator('.history-details table').waitFor();
      },
    },
    {
      name: 'rating-na-flagged-filter',
      open: async (page) => {
        await page.getByLabel(w.bilingual).uncheck();
        await go(page, `${a}/i/hygiene.strategy.lead-agency`);
        await page.getByRole('radio', { name: w.flagged }).check();
        await page.locator('#na-reason').waitFor();
      },
    },
    { name: 'review', open: async (page) => (await page.getByRole('radio', { name: /./ }).first().check(), await go(page, `${a}/review`), await page.getByRole('table', { name: w.review }).waitFor()) },
    { name: 'finalise-dialog', open: async (page) => (await page.getByRole('button', { name: w.finalise }).click(), await page.getByRole('dialog', { name: w.finaliseDialog }).waitFor()) },
    {
      name: 'review-final',
      open: async (page) => {
        await page.getByRole('button', { name: w.finaliseConfirm }).click();
        await text(page, w.final);
      },
    },
    { name: 'rating-final', open: async (page) => (await go(page, `${a}/i/hygiene.strategy.document`), await text(page, w.indicator), await text(page, w.final)) },
    { name: 'reopen-dialog', open: async (page) => (await go(page, `${a}/review`), await page.getByRole('button', { name: w.reopen }).click(), await page.getByRole('dialog', { name: w.reopenDialog }).waitFor()) },
    { name: 'history', open: async (page) => (await page.keyboard.press('Escape'), await go(page, `${a}/history`), await page.locator('.history-table').waitFor()) },
    { name: 'not-found', open: async (page) => (await go(page, '#/a/no-such-assessment'), await page.getByRole('heading', { name: w.cannotOpen }).waitFor()) },
    {
      name: 'results',
      open: async (page) => {
        await go(page, `${a}/results`);
        await page.locator('.plan[aria-busy="false"]').waitFor();
      },
    },
    {
      name: 'export-dialog',
      open: async (page) => {
        await page.getByRole('button', { name: w.exportOpen }).click();
        await page.getByRole('heading', { name: w.exportTitle }).waitFor();
      },
      close: async (page) => {
        await page.keyboard.press('Escape');
        await page.getByRole('heading', { name: w.exportTitle }).waitFor({ state: 'detached' });
      },
    },
  ];
}
