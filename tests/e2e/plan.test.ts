import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../core/model/framework';
import { api, go, openPage, readStored, shot, waitSaved, type Language } from './app';
import { newDataDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

async function start(language: Language): Promise<Page> {
  e2e.dataDir = await newDataDir();
  e2e.serve = await startServe(e2e.dataDir);
  const { page } = await openPage(e2e.browser, e2e.serve, { language, width: 1366, height: 680 });
  return page;
}

/** Rates every indicator of the framework at `level`, or only those the filter keeps. */
async function rateAll(page: Page, id: string, level: number, keep: (indicatorId: string) => boolean = () => true): Promise<void> {
  const { frameworkId, frameworkVersion } = await api(page, 'getAssessment', { id });
  const framework: Framework = await api(page, 'getFramework', { id: frameworkId, version: frameworkVersion });
  const ids = framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators.map((i) => i.id))).filter(keep);
  for (const indicatorId of ids) {
    await api(page, 'updateResponse', { id, indicatorId, patch: { rating: { kind: 'level', level } }, base: { rating: null } });
  }
}

async function openPlan(page: Page, id: string): Promise<void> {
  await go(page, `#/a/${id}/results`);
  await page.locator('.plan[aria-busy="false"] .plan-card').first().waitFor();
}

const cardsIn = (page: Page, phase: string) => page.locator(`.plan-phase[data-phase="${phase}"] .plan-card`);

describe('the support plan at full size', () => {
  /*
   * Every indicator at level 2 on the shipped framework (1.1.0) and catalogue: every capability
   * scores 2; the 25 with the default target 3 have a gap of 1, the 4 with target 2 none. A
   * programme fits when it still runs and fromLevel ≤ 2 < toLevel, and with a gap of 1 its phase
   * is its effort's (S short, M medium, L long). From assessments/catalogue/programmes.json:
   *   short:  icscoe-ics-week (3 capabilities), asean-japan-exercises (6)                        → 2 cards, 9 matches
   *   medium: icscoe-core-programme (2), jica-expert-csirt (4), unodc-gpc (7), worldbank-mdtf-assessment (1) → 4 cards, 14
   *   long:   jica-technical-cooperation (10), worldbank-mdtf-ta (9), itu-cirt-programme (3)     → 3 cards, 22
   * The programmes that stop at level 2 (GFCE, CyDER, ARF workshops, …) do not fit, nor do past ones.
   * 45 one-per-match cards become 9.
   */
  it('shows a fully rated assessment as one card per programme, and saves a whole-card acceptance as one edit per match', async () => {
    const page = await start('en');
    const { id } = await api(page, 'createAssessment', { title: 'Ghana national assessment', country: 'GH', mode: 'field' });
    await rateAll(page, id, 2);
    await openPlan(page, id);

    // Only the first phase is open; the others are one line each, saying what they hold.
    await expect.poll(() => page.locator('.plan-phase[open]').count()).toBe(1);
    await page.locator('.plan-phase[data-phase="medium"] > summary').getByText('Medium term (1–3 years) — 4 programmes, 14 matches').waitFor();
    for (const phase of ['medium', 'long']) await page.locator(`.plan-phase[data-phase="${phase}"] > summary`).click();
    expect([await cardsIn(page, 'short').count(), await cardsIn(page, 'medium').count(), await cardsIn(page, 'long').count()]).toEqual([2, 4, 3]);
    await page.getByText('Overall score: 2.00 (mean of the 5 domain scores).').waitFor();

    const jica = page.locator('.plan-card[data-card="jica-technical-cooperation"]');
    await jica.getByText('JICA technical cooperation project').waitFor();
    expect(await jica.locator('.plan-item').count()).toBe(10);
    await jica.getByRole('button', { name: 'Accept all 10 matches of JICA technical cooperation project' }).click();
    await jica.getByText('10 accepted · 0 rejected · 0 open').waitFor();
    await expect.poll(() => page.locator('.plan[aria-busy="false"]').count()).toBe(1);

    const stored = await readStored(e2e.dataDir!, id);
    const decided = Object.entries(stored.plan.decisions);
    expect(decided).toHaveLength(10);
    expect(decided.every(([recId, d]) => recId.endsWith('/jica-technical-cooperation') && d.decision === 'accepted')).toBe(true);
    // Each match was saved as its own plan edit, like a single decision.
    expect(stored.history.filter((h) => h.field === 'plan.decide')).toHaveLength(10);

    // After a reload the decisions are there; the capability view lists the same matches under their capabilities.
    await page.reload();
    await openPlan(page, id);
    await page.locator('.plan-phase[data-phase="long"] > summary').click();
    await page.locator('.plan-card[data-card="jica-technical-cooperation"]').getByText('10 accepted · 0 rejected · 0 open').waitFor();
    await page.getByLabel('By capability').check();
    await page.locator('.plan-card-capability').first().waitFor();
    await page.locator('.plan-phase[data-phase="long"] > summary').click();
    expect(await page.locator('.plan-phase[data-phase="long"] .plan-item.decision-accepted').count()).toBe(10);
  });

  for (const language of ['en', 'ja'] as const) {
    it(`looks right at 1366×680 (${language}): plan phases, results and setup context`, async () => {
      const page = await start(language);
      const { id } = await api(page, 'createAssessment', {
        title: 'Ghana national assessment',
        country: 'GH',
        mode: 'field',
        context: { donorSupport: { hygiene: { extent: 2, who: 'World Bank' } }, absorptiveCapacity: 2, notes: '' },
      });
      await rateAll(page, id, 2);
      await openPlan(page, id);
      await page.locator('.plan-toolbar').scrollIntoViewIfNeeded();
      await page.locator('.plan-toolbar').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, `plan-short-${language}-1366x680`, false);
      for (const phase of ['short', 'medium', 'long']) {
        const summary = page.locator(`.plan-phase[data-phase="${phase}"] > summary`);
        if (phase !== 'short') await summary.click();
        await summary.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        // A phase is read on one screen: its cards end within the window's height below its summary line.
        const height = await page.locator(`.plan-phase[data-phase="${phase}"] .plan-cards`).evaluate((el) => el.getBoundingClientRect().height);
        expect(height, `${phase} phase cards`).toBeLessThanOrEqual(680);
      }
      await page.locator('.plan-phase[data-phase="long"] > summary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, `plan-long-${language}-1366x680`, false);
      await page.getByRole('radio', { name: language === 'en' ? 'By capability' : '能力別' }).check();
      await page.locator('.plan-card-capability').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot(page, `plan-by-capability-${language}-1366x680`, false);
      await go(page, `#/a/${id}/results`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('.recharts-polar-radius-axis-tick').first().waitFor();
      await shot(page, `results-${language}-1366x680`, false);
      await page.locator('.recharts-surface').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot(page, `results-radar-${language}-1366x680`, false);
      await go(page, `#/a/${id}/setup/context`);
      await page.locator('#context-notes').waitFor();
      await shot(page, `setup-context-field-${language}-1366x680`, false);

      // 1280×650: a 1080p laptop at 150 % scaling.
      await page.setViewportSize({ width: 1280, height: 650 });
      await openPlan(page, id);
      await page.locator('.plan-toolbar').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, `plan-short-${language}-1280x650`, false);
    });
  }
});

describe('charts on partial data', () => {
  it('leaves an unscored domain off the radar instead of drawing it at 0, says so, and runs the level axis 1–5', async () => {
    const page = await start('en');
    const { id } = await api(page, 'createAssessment', { title: 'Kenya partial', country: 'KE', mode: 'field' });
    // Only domain 1 (cyber hygiene) is rated: 3 everywhere in it.
    await rateAll(page, id, 3, (indicatorId) => indicatorId.startsWith('hygiene.'));
    await go(page, `#/a/${id}/results`);
    const note = page.getByTestId('radar-missing');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Not scored yet, so no point is drawn on their axes \(they are not 0\): 2\. .+, 3\. .+, 4\. .+, and 5\. .+\.$/);
    expect(await page.locator('.recharts-polar-radius-axis-tick').allTextContents()).toEqual(['1', '2', '3', '4', '5']);
    expect(await page.locator('.recharts-polar-angle-axis-tick').allTextContents()).toEqual([
      '1. Cyber hygiene',
      '2. Critical infrastructure(not scored)',
      '3. Cybercrime(not scored)',
      '4. Norms and CBMs(not scored)',
      '5. Human resources(not scored)',
    ]);
    // The score series: one point (domain 1), no outline through the centre, no filled polygon.
    const score = page.locator('.recharts-radar').last();
    expect(await score.locator('.radar-series-partial').count()).toBe(1);
    expect(await score.locator('circle').count()).toBe(1);
    expect(await score.locator('polygon, line').count()).toBe(0);
    // The target is known everywhere: a closed outline.
    expect(await page.locator('.recharts-radar').first().locator('polygon').count()).toBe(1);
    await page.getByText('No overall score until every domain is scored (1 of 5 domains scored).').waitFor();
    await page.locator('.recharts-surface').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'results-partial-radar-en-1366x680', false);
  });
});

describe('self-assessment: the agency’s own tool', () => {
  for (const language of ['en', 'ja'] as const) {
    const w =
      language === 'en'
        ? {
            title: 'Title',
            country: 'Country',
            agency: 'A named agency',
            self: 'Self-assessment',
            create: 'Create and continue',
            required: 'Enter the name of the agency.',
            name: 'Name of the agency',
            team: 'Team, period and languages',
            received: 'Support the agency already receives',
            japanese: 'Presence of Japanese businesses',
            node: 'Importance as a network node',
            planHeading: 'Our support needs and our own actions',
            available: 'Available support',
          }
        : {
            title: 'タイトル',
            country: '国・地域',
            agency: '特定の機関',
            self: '自己評価',
            create: '作成して次へ',
            required: '機関名を入力してください。',
            name: '機関名',
            team: 'チーム・期間・言語',
            received: '自機関が既に受けている支援',
            japanese: '日系企業の進出状況',
            node: '通信ネットワークの結節点としての重要性',
            planHeading: '自機関の支援ニーズと自らの取組',
            available: '利用可能な支援',
          };
    it(`requires the agency name, asks no donor questions and phrases the plan as the agency’s needs (${language})`, async () => {
      const page = await start(language);
      await go(page, '#/new');
      await page.getByLabel(w.title).fill('Ghana CSA self-assessment');
      await page.getByRole('combobox', { name: w.country }).fill('GH');
      await page.getByRole('option', { name: /GH/ }).first().click();
      await page.getByLabel(w.agency).check();
      await page.getByLabel(w.self).check();
      await page.getByRole('button', { name: w.create }).click();
      await page.getByText(w.required).waitFor();
      expect(await page.getByLabel(w.name).getAttribute('aria-invalid')).toBe('true');
      expect(await api(page, 'listAssessments', {})).toEqual([]);
      await shot(page, `create-agency-name-required-${language}-1366x680`, false);

      await page.getByLabel(w.name).fill('Cyber Security Authority');
      await page.getByRole('button', { name: w.create }).click();
      await page.getByRole('heading', { name: w.team }).waitFor();
      const [summary] = await api(page, 'listAssessments', {});
      const id = summary!.id;
      expect((await readStored(e2e.dataDir!, id)).scope).toEqual({ kind: 'agency', name: 'Cyber Security Authority' });

      // Clearing the name later is refused on the spot and never saved.
      await go(page, `#/a/${id}/setup/basics`);
      await page.getByLabel(w.name).fill('');
      await page.getByLabel(w.name).blur();
      await page.getByText(w.required).waitFor();
      expect((await readStored(e2e.dataDir!, id)).scope).toEqual({ kind: 'agency', name: 'Cyber Security Authority' });
      await page.getByLabel(w.name).fill('Cyber Security Authority of Ghana');
      await page.getByLabel(w.name).blur();
      await waitSaved(page, language);
      expect(await page.locator('.save-error').count()).toBe(0);
      expect((await readStored(e2e.dataDir!, id)).scope).toEqual({ kind: 'agency', name: 'Cyber Security Authority of Ghana' });

      await go(page, `#/a/${id}/setup/context`);
      await page.getByRole('heading', { name: w.received }).waitFor();
      expect(await page.getByText(w.japanese).count()).toBe(0);
      expect(await page.getByText(w.node).count()).toBe(0);
      await shot(page, `setup-context-self-${language}-1366x680`, false);

      await rateAll(page, id, 2, (indicatorId) => indicatorId.startsWith('hygiene.') || indicatorId.startsWith('cybercrime.'));
      await openPlan(page, id);
      await page.getByRole('heading', { name: w.planHeading }).waitFor();
      await page.getByRole('heading', { name: w.available }).waitFor();
      const planText = (await page.locator('.plan').textContent()) ?? '';
      // Programme names may say "multi-donor"; the plan's own words never speak of other donors or recommendations.
      expect(planText).not.toMatch(language === 'en' ? /other donors|recommended/i : /他ドナー|他のドナー|推奨/);
      await page.locator('.plan-toolbar').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, `plan-self-${language}-1366x680`, false);
    });
  }
});
