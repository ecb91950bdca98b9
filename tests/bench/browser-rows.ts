import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Framework } from '../../core/model/framework';
import { escapeHtml } from '../../core/report/escape';
import { listen } from '../../cli/serve';
import { launchBrowser } from '../e2e/harness';
import { alternateAll, stats, type Stats } from './sample';
import { assessmentsDir, benchDir, root, startServeProcess, type Row, type ServeChild } from './support';

/*
 * The same indicators (128 in framework 1.1.0) in the same Chromium in the same run: CCAT through `serve`, and a
 * SurveyJS 3 page that renders each indicator as a radio-group question, one per page. A third,
 * static page is the floor no page can beat in this browser: its question is in the HTML and its
 * next button only swaps a text, so what it measures is the browser producing a frame. A fourth
 * is the floor of React itself: React 19 rendering one question with its five levels and nothing
 * else (no app, no strings, no navigation), after fetching the framework like SurveyJS.
 */

/** The framework a new assessment uses; both sides render its indicators. */
const frameworkVersion = '1.1.0';
const frameworkFile = join(assessmentsDir, 'frameworks', `ccat-${frameworkVersion}.json`);

/**
 * Bundles `entry` (a module that may import React, SurveyJS and their CSS) into `dir` as
 * `<bundle>.js` and writes `html`, the page that loads it into an empty root.
 */
async function writeBundledPage(dir: string, page: { html: string; bundle: string; title: string; entry: string; stylesheet?: boolean }): Promise<void> {
  await build({
    stdin: { contents: page.entry, resolveDir: root, loader: 'js', sourcefile: `${page.bundle}.js` },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: dir,
    entryNames: page.bundle,
    logLevel: 'warning',
  });
  const stylesheet = page.stylesheet ? `<link rel="stylesheet" href="./${page.bundle}.css">` : '';
  await writeFile(
    join(dir, page.html),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.title}</title><script type="module" src="./${page.bundle}.js"></script>${stylesheet}</head><body><div id="root"></div></body></html>`,
  );
}

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
  await writeBundledPage(dir, { html: 'index.html', bundle: 'survey', title: 'SurveyJS', entry, stylesheet: true });
  await copyFile(frameworkFile, join(dir, 'framework.json'));
  return dir;
}

/**
 * Writes `floor.html` into `dir`: one question and one radio button in the HTML itself, and a
 * next button that replaces the question's text. No framework, no fetch, no script to compile.
 */
async function writeFloorPage(dir: string, questions: readonly string[]): Promise<void> {
  const script = `const questions = ${JSON.stringify(questions).replace(/</g, '\\u003c')}; let shown = 0;
    document.getElementById('next').addEventListener('click', () => { document.getElementById('question').textContent = questions[++shown]; });`;
  await writeFile(
    join(dir, 'floor.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><h2 id="question">${escapeHtml(questions[0]!)}</h2><label><input type="radio" name="level" id="level"> 1</label><button id="next">Next</button><script>${script}</script></body></html>`,
  );
}

/** Writes `react.html` and its bundle into `dir`: the question, five radio buttons with their descriptors, a next button. */
async function writeReactPage(dir: string): Promise<void> {
  const entry = `
    import { createElement as h, useState } from 'react';
    import { createRoot } from 'react-dom/client';
    const framework = await (await fetch('./framework.json')).json();
    const indicators = framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators));
    function Question() {
      const [shown, setShown] = useState(0);
      const [level, setLevel] = useState(undefined);
      const indicator = indicators[shown];
      return h('main', null,
        h('h2', { id: 'question' }, indicator.question.en),
        h('fieldset', null, indicator.descriptors.map((text, n) =>
          h('label', { key: n }, h('input', { type: 'radio', name: 'level', id: 'level-' + (n + 1), checked: level === n + 1, onChange: () => setLevel(n + 1) }), ' ', n + 1, ' ', text.en))),
        h('button', { id: 'next', onClick: () => { setShown(shown + 1); setLevel(undefined); } }, 'Next'));
    }
    createRoot(document.getElementById('root')).render(h(Question));
  `;
  await writeBundledPage(dir, { html: 'react.html', bundle: 'react-floor', title: 'React', entry });
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
  /**
   * Opens a fresh page (no cache) and resolves once the first question can be answered, with the
   * page's own milliseconds from navigation start to then.
   */
  open(): Promise<{ page: Page; usableMs: number }>;
  /** Goes to question `n + 1` (0-based `n` is the current one); the milliseconds until it is shown. */
  next(page: Page, n: number): Promise<number>;
}

/**
 * Clicks `button` inside the page and measures, with the page's own clock, until an element
 * matching `title` shows `text` and the frame that shows it has been produced (the next
 * animation frame, then the task after it). Timed in the page, so neither side pays for the
 * browser driver's round trips, which on a loaded machine are longer than either page's work.
 */
// A string, not a function: tsx would wrap named functions in a helper the page does not have.
const clickUntilShownScript = `({ button, title, text }) => new Promise((resolve, reject) => {
  const shown = () => Array.from(document.querySelectorAll(title)).some((element) => element.textContent.includes(text));
  const target = document.querySelector(button);
  if (!target) return reject(new Error('no ' + button));
  let start = 0;
  const settle = () => {
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(() => { if (shown()) settle(); });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  start = performance.now();
  target.click();
  if (shown()) settle();
})`;

/**
 * Installed before the page's own scripts: records, with the page's clock (0 = navigation start),
 * when an element matching `title` shows `text`, one matching `ready` exists (the first answer can
 * be chosen) and the frame that shows them has been produced. Like the next-indicator timing, this
 * leaves out the browser driver's context creation and round trips, which are the same for both
 * sides and on a loaded machine longer than either page's work.
 */
const usableWatchScript = `({ title, text, ready }) => {
  window.__usable = new Promise((resolve) => {
    const shown = () => document.querySelector(ready) !== null && Array.from(document.querySelectorAll(title)).some((element) => element.textContent.includes(text));
    const settle = () => {
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => { if (shown()) settle(); });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}`;

async function openWatched(context: BrowserContext, url: string, watch: { title: string; text: string; ready: string }): Promise<{ page: Page; usableMs: number }> {
  await context.addInitScript(`(${usableWatchScript})(${JSON.stringify(watch)})`);
  const page = await context.newPage();
  await page.goto(url);
  const usableMs = (await page.evaluate('window.__usable')) as number;
  return { page, usableMs };
}

function clickUntilShown(page: Page, button: string, title: string, text: string): Promise<number> {
  return page.evaluate(`(${clickUntilShownScript})(${JSON.stringify({ button, title, text })})`) as Promise<number>;
}

function ccatSide(browser: Browser, serve: ServeChild, assessmentId: string, questions: string[]): Side {
  return {
    async open() {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
      // The token `serve` prints in the address, as the page keeps it after its first visit.
      await context.addInitScript((token) => sessionStorage.setItem('ccat.serveToken', token), serve.token);
      return openWatched(context, `${serve.origin}/#/a/${encodeURIComponent(assessmentId)}`, { title: '#indicator-question', text: questions[0]!, ready: '#level-1:enabled' });
    },
    async next(page, n) {
      const ms = await clickUntilShown(page, '.rating-pager a.button-primary', '#indicator-question', questions[n + 1]!);
      await page.locator('#level-1:enabled').waitFor();
      return ms;
    },
  };
}

/**
 * A page of the bench's own (the static floor, React alone): its question is `#question`, its next
 * button `#next`, and it can be answered once `ready` exists.
 */
function benchPageSide(browser: Browser, url: string, ready: string, questions: string[]): Side {
  return {
    async open() {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
      return openWatched(context, url, { title: '#question', text: questions[0]!, ready });
    },
    next: (page, n) => clickUntilShown(page, '#next', '#question', questions[n + 1]!),
  };
}

function surveySide(browser: Browser, origin: string, questions: string[]): Side {
  return {
    async open() {
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
      return openWatched(context, `${origin}/`, { title: '.sd-question__title', text: questions[0]!, ready: '.sd-item input:enabled' });
    },
    async next(page, n) {
      const ms = await clickUntilShown(page, '.sd-navigation__next-btn', '.sd-question__title', questions[n + 1]!);
      await page.locator('.sd-item').first().waitFor();
      return ms;
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
  ).json()) as { ok: boolean; data: { id: string; frameworkVersion: string } };
  if (!created.ok) throw new Error('could not create the bench assessment');
  if (created.data.frameworkVersion !== frameworkVersion) throw new Error(`a new assessment uses framework ${created.data.frameworkVersion}; update the bench's frameworkVersion`);
  await writeFloorPage(surveyDir, questions);
  await writeReactPage(surveyDir);
  const survey = await staticServer(surveyDir);
  const browser = await launchBrowser();
  const sides = {
    ccat: ccatSide(browser, serve, created.data.id, questions),
    survey: surveySide(browser, survey.origin, questions),
    floor: benchPageSide(browser, `${survey.origin}/floor.html`, '#level:enabled', questions),
    react: benchPageSide(browser, `${survey.origin}/react.html`, '#level-1:enabled', questions),
  };
  const steps = 3;
  const nexts = { ccat: [] as number[], survey: [] as number[], floor: [] as number[], react: [] as number[] };
  const openAndWalk = (name: keyof typeof sides) => async () => {
    const { page, usableMs: opened } = await sides[name].open();
    for (let n = 0; n < steps; n++) nexts[name].push(await sides[name].next(page, n));
    await page.context().close();
    return opened;
  };
  try {
    const [ccatOpen, surveyOpen, floorOpen, reactOpen] = await alternateAll(samples, [openAndWalk('ccat'), openAndWalk('survey'), openAndWalk('floor'), openAndWalk('react')]);
    // The warm-up's steps are not counted.
    const [ccatNext, surveyNext, floorNext, reactNext] = [nexts.ccat, nexts.survey, nexts.floor, nexts.react].map((values) => stats(values.slice(steps)));
    return [
      {
        key: 'open',
        measure: 'open → first rating screen usable',
        ccat: ccatOpen!,
        peer: surveyOpen!,
        peerLabel: 'SurveyJS 3.0, one question per page',
        ratio: surveyOpen!.median / ccatOpen!.median,
        goal: '≥ 3× faster than SurveyJS',
        met: surveyOpen!.median >= 3 * ccatOpen!.median,
        extra: aboveFloor(ccatOpen!, surveyOpen!, floorOpen!, 'a static page with the question in its HTML', reactOpen!),
      },
      {
        key: 'next',
        measure: 'next indicator',
        ccat: ccatNext!,
        peer: surveyNext!,
        peerLabel: 'SurveyJS next page',
        ratio: surveyNext!.median / ccatNext!.median,
        goal: '≥ 3× faster than SurveyJS',
        met: surveyNext!.median >= 3 * ccatNext!.median,
        extra: aboveFloor(ccatNext!, surveyNext!, floorNext!, 'a static page whose button swaps a text', reactNext!),
      },
    ];
  } finally {
    await browser.close();
    survey.server.close();
    await serve.stop();
  }
}

/**
 * The floors a row's goal has to be read against: what the static page takes, and each side's time
 * above it (the part a page's own code can change); and what React alone takes for one question.
 * Printed beside the row; the goal stays as stated.
 */
function aboveFloor(ccat: Stats, survey: Stats, floor: Stats, floorLabel: string, react: Stats): NonNullable<Row['extra']> {
  const ccatAbove = ccat.median - floor.median;
  const surveyAbove = survey.median - floor.median;
  return {
    floor,
    floorLabel,
    ccatAboveFloorMs: ccatAbove,
    surveyAboveFloorMs: surveyAbove,
    ratioAboveFloor: ccatAbove > 0 ? surveyAbove / ccatAbove : undefined,
    goalBelowFloor: survey.median / 3 < floor.median,
    react,
    goalBelowReact: survey.median / 3 < react.median,
  };
}
