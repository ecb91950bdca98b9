import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { Framework } from '../../core/model/framework';
import { listen } from '../../cli/serve';
import { launchBrowser } from '../e2e/harness';
import { alternate, stats, timed } from './sample';
import { assessmentsDir, benchDir, root, startServeProcess, type Row, type ServeChild } from './support';

/*
 * The same 105 indicators in the same Chromium in the same run: CCAT through `serve`, and a
 * SurveyJS 3 page that renders each indicator as a radio-group question, one per page.
 */

const frameworkFile = join(assessmentsDir, 'frameworks', 'ccat-1.0.0.json');

/** Builds the SurveyJS page into a temp folder; like CCAT, it fetches the framework when it opens. */
export async function buildSurveyPage(): Promise<string> {
  const dir = await benchDir();
  const entry = `
    import { createElement } from 'react';
    import { createRoot } from 'react-dom/client';
    import { Model } from 'survey-core';
    import { Survey } from 'survey-react-ui';
    import 'survey-core/survey-core.min.css';
    const framework = await (await fetch('./framework.json')).json();
    const pages = framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators.map((i) => ({
      name: i.id,
      elements: [{ type: 'radiogroup', name: i.id, title: i.question.en, choices: i.descriptors.map((text, n) => ({ value: n + 1, text: text.en })) }],
    }))));
    createRoot(document.getElementById('root')).render(createElement(Survey, { model: new Model({ pages }) }));
  `;
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js', sourcefile: 'survey-bench.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: dir,
    entryNames: 'survey',
    logLevel: 'warning',
  });
  await copyFile(frameworkFile, join(dir, 'framework.json'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SurveyJS</title><script type="module" src="./survey.js"></script><link rel="stylesheet" href="./survey.css"></head><body><div id="root"></div></body></html>',
  );
  return dir;
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

async function staticServer(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html');
    readFile(join(dir, path.replace(/^\/+/, '')))
      .then((body) => {
        response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(404);
        response.end();
      });
  });
  return { server, origin: `http://127.0.0.1:${await listen(server, 0)}` };
}

interface Side {
  /** Opens a fresh page (no cache) and resolves once the first question can be answered. */
  open(): Promise<Page>;
  /** Goes to question `n + 1` (0-based `n` is the current one) and resolves once it is shown. */
  next(page: Page, n: number): Promise<void>;
}

function ccatSide(browser: Browser, serve: ServeChild, assessmentId: string, questions: string[]): Side {
  return {
    async open() {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
      // The token `serve` prints in the address, as the page keeps it after its first visit.
      await context.addInitScript((token) => sessionStorage.setItem('ccat.serveToken', token), serve.token);
      const page = await context.newPage();
      await page.goto(`${serve.origin}/#/a/${encodeURIComponent(assessmentId)}`);
      await page.locator('#indicator-question', { hasText: questions[0]! }).waitFor();
      await page.locator('#level-1:enabled').waitFor();
      return page;
    },
    async next(page, n) {
      await page.locator('.pager a.button-primary').click();
      await page.locator('#indicator-question', { hasText: questions[n + 1]! }).waitFor();
    },
  };
}

function surveySide(browser: Browser, origin: string, questions: string[]): Side {
  return {
    async open() {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await page.locator('.sd-question__title', { hasText: questions[0]! }).waitFor();
      await page.locator('.sd-item').first().waitFor();
      return page;
    },
    async next(page, n) {
      await page.locator('.sd-navigation__next-btn').click();
      await page.locator('.sd-question__title', { hasText: questions[n + 1]! }).waitFor();
    },
  };
}

export async function browserRows(samples: number, surveyDir: string): Promise<Row[]> {
  const framework = JSON.parse(await readFile(frameworkFile, 'utf8')) as Framework;
  const questions = framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators.map((i) => i.question.en)));
  const dataDir = await benchDir();
  const serve = await startServeProcess(dataDir);
  const created = (await (
    await fetch(`${serve.origin}/api/createAssessment`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${serve.token}` },
      body: JSON.stringify({ title: 'Bench', country: 'VN', mode: 'field' }),
    })
  ).json()) as { ok: boolean; data: { id: string } };
  if (!created.ok) throw new Error('could not create the bench assessment');
  const survey = await staticServer(surveyDir);
  const browser = await launchBrowser();
  const sides = { ccat: ccatSide(browser, serve, created.data.id, questions), survey: surveySide(browser, survey.origin, questions) };
  const steps = 3;
  const nexts = { ccat: [] as number[], survey: [] as number[] };
  const openAndWalk = (name: 'ccat' | 'survey') => async () => {
    const start = performance.now();
    const page = await sides[name].open();
    const opened = performance.now() - start;
    for (let n = 0; n < steps; n++) nexts[name].push(await timed(() => sides[name].next(page, n)));
    await page.context().close();
    return opened;
  };
  try {
    const opened = await alternate(samples, openAndWalk('ccat'), openAndWalk('survey'));
    // The warm-up's steps are not counted.
    const next = { ccat: stats(nexts.ccat.slice(steps)), survey: stats(nexts.survey.slice(steps)) };
    return [
      {
        key: 'open',
        measure: 'open → first rating screen usable',
        ccat: opened.a,
        peer: opened.b,
        peerLabel: 'SurveyJS 3.0, one question per page',
        ratio: opened.b.median / opened.a.median,
        goal: '≥ 3× faster than SurveyJS',
        met: opened.b.median >= 3 * opened.a.median,
      },
      {
        key: 'next',
        measure: 'next indicator',
        ccat: next.ccat,
        peer: next.survey,
        peerLabel: 'SurveyJS next page',
        ratio: next.survey.median / next.ccat.median,
        goal: '≥ 3× faster than SurveyJS',
        met: next.survey.median >= 3 * next.ccat.median,
      },
    ];
  } finally {
    await browser.close();
    survey.server.close();
    await serve.stop();
  }
}
