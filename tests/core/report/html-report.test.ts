import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../core/report/render-export';
import type { ReportKind } from '../../../core/report/report-input';
import { shippedFramework } from '../fixtures';
import { arabic, exportInput, fieldAssessment, hostileNote, namedOrganisation, people, secretOrganisation } from './report-fixture';

async function html(report: ReportKind, options: Parameters<typeof exportInput>[2] = {}): Promise<string> {
  const file = await renderExport(exportInput('html', report, options));
  expect(file.encoding).toBe('utf8');
  return file.content;
}

function dom(source: string): Document {
  return new JSDOM(source).window.document;
}

describe('the HTML report is inert', () => {
  it.each(['summary', 'full', 'plan'] as const)("%s: declares the CSP default-src 'none' with inline styles and data: images only, and has no script, no external reference and no event handler", async (report) => {
    const source = await html(report);
    const document = dom(source);
    const policies = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((meta) => meta.getAttribute('content'));
    // Written out (design §6), not taken from the module: a weakened policy must fail here.
    expect(policies).toEqual(["default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"]);
    expect(document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(document.querySelectorAll('script, iframe, object, embed, link, img, image, foreignObject, a, form, base, meta[http-equiv="refresh"]')).toHaveLength(0);
    const attributes = [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes]);
    expect(attributes.filter((a) => /^on/i.test(a.name)).map((a) => a.name)).toEqual([]);
    expect(attributes.filter((a) => /^(src|href|xlink:href|action|formaction|srcset)$/i.test(a.name)).map((a) => a.value)).toEqual([]);
    expect(source).not.toMatch(/url\(/i);
  });

  it('shows hostile notes and titles literally', async () => {
    const title = 'Mission "A" & <B> </title><script>alert(4)</script>';
    const source = await html('full', { assessment: fieldAssessment(undefined, { title }) });
    const document = dom(source);
    expect(document.body.textContent).toContain(hostileNote);
    expect(document.querySelector('h1')?.textContent).toBe(title);
    expect(document.title).toContain(title);
    expect(source).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(source).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;');
    expect(source).not.toMatch(/<script/i);
  });

  it('lays out right-to-left notes by their own direction', async () => {
    const document = dom(await html('full'));
    const notes = [...document.querySelectorAll('.u')].filter((el) => el.textContent?.startsWith(arabic));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.getAttribute('dir')).toBe('auto');
  });
});

describe('the report content', () => {
  it('summary: context, key findings per domain, the radar with target and baseline, top five priorities and the method', async () => {
    const document = dom(await html('summary', { baseline: true }));
    const text = document.body.textContent ?? '';
    expect(text).toMatch(/Viet ?nam/i);
    expect(text).toContain('Whole of government and critical infrastructure');
    expect(text).toContain('Mar 2, 2026 – Mar 6, 2026');
    expect(text).toContain('Field assessment');
    expect(text).toContain(people[0]);
    expect(text).toContain('Key findings by domain');
    for (const heading of ['Score (mean)', 'Weakest link', 'Target', 'Gap', 'Coverage', 'Confidence of rated indicators']) expect(text).toContain(heading);
    const svg = document.querySelector('svg[role="img"]')!;
    expect(svg.querySelector('title')?.textContent).toContain('Domain scores');
    expect(svg.querySelector('desc')?.textContent).toContain('1. Cyber hygiene');
    const dashes = [...svg.querySelectorAll('polygon[stroke-dasharray]')].map((p) => p.getAttribute('stroke-dasharray'));
    expect(dashes).toContain('7 4'); // target, dashed
    expect(dashes).toContain('0.5 5'); // baseline, dotted
    expect(text).toContain('Baseline: Viet Nam baseline, 2023');
    expect(text).toContain('Top 5 priorities');
    const priorityRows = [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Top 5 priorities')!.nextElementSibling!.nextElementSibling!.querySelectorAll('tbody tr');
    expect(priorityRows).toHaveLength(5);
    expect(text).toContain('Domains 1 (cyber hygiene: government and national CSIRT) and 2 (critical infrastructure protection) together are the policy');
    expect(text).toContain('gap × importance × feasibility');
    expect(text).toContain('left out of every score and counted in coverage');
  });

  it('full: every indicator with rating, confidence, notes and attachments; sessions; the method and the crosswalk', async () => {
    const input = exportInput('html', 'full');
    const document = dom((await renderExport(input)).content);
    const text = document.body.textContent ?? '';
    const indicators = input.framework.domains.flatMap((d) => d.capabilities.flatMap((c) => c.indicators));
    for (const indicator of indicators) expect(text).toContain(indicator.question.en);
    expect(text).toContain('Level 2 — Formative');
    expect(text).toContain('Not applicable');
    expect(text).toContain('No such sector in this country');
    expect(text).toContain('Confidence: Medium');
    expect(text).toContain('Flagged for review');
    expect(text).toContain('strategy-decree-2021.pdf (240 kB)');
    expect(text).toContain('Interviews and workshops');
    expect(text).toContain(namedOrganisation);
    expect(text).toContain('Non-attributable: not named');
    expect(text).toContain('How the scores and priorities are computed');
    expect(text).toContain('Appendix: crosswalk to other frameworks');
    expect(text).toContain(indicators[0]!.refs.find((r) => r.source === 'CMM2021')!.id);
  });

  it('full: lists sessions by date with stakeholders, size and organisations, naming only attributable ones and only unredacted', async () => {
    const sessionRows = async (options: Parameters<typeof exportInput>[2]) => {
      const document = dom(await html('full', options));
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Interviews and workshops')!;
      const intro = heading.nextElementSibling!.textContent;
      const table = heading.nextElementSibling!.nextElementSibling!;
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => [...td.querySelectorAll('.line')].map((l) => l.textContent)));
      const numeric = [...table.querySelectorAll('thead th')].map((th) => th.classList.contains('num'));
      return { intro, rows, numeric };
    };
    const base = fieldAssessment();
    // Stored out of date order, with an attributable session whose organisations were not given.
    const unnamed = { ...base.sessions[0]!, id: 'session-0003', title: '  ', date: '2026-03-01', participants: 3, organisations: ' ' };
    const assessment = { ...base, sessions: [base.sessions[1]!, base.sessions[0]!, unnamed] };
    const full = await sessionRows({ assessment });
    expect(full.intro).toBe('3 sessions with 21 participants in total. Organisations are not named for non-attributable sessions.');
    expect(full.rows).toEqual([
      [['Mar 1, 2026'], ['Government ICT'], ['3'], ['Not stated']],
      [['Mar 2, 2026'], ['Government ICT', 'Meeting at the ministry'], ['6'], [namedOrganisation]],
      [['Mar 4, 2026'], ['Critical infrastructure operators'], ['12'], ['Non-attributable: not named']],
    ]);
    // Participants are a figure: right-aligned like every number column.
    expect(full.numeric).toEqual([false, false, true, false]);
    const redacted = await sessionRows({ assessment, redact: true });
    expect(redacted.rows).toEqual([
      [['Mar 1, 2026'], ['Government ICT'], ['3'], ['Withheld in this edition']],
      [['Mar 2, 2026'], ['Government ICT'], ['6'], ['Withheld in this edition']],
      [['Mar 4, 2026'], ['Critical infrastructure operators'], ['12'], ['Non-attributable: not named']],
    ]);
    const none = await sessionRows({ assessment: { ...base, sessions: [] } });
    expect(none.intro).toBe('No sessions were recorded.');
  });

  it('never names the organisations of a non-attributable session, even unredacted', async () => {
    for (const report of ['summary', 'full', 'plan'] as const) expect(await html(report)).not.toContain(secretOrganisation);
  });

  it('plan: factors with their sources, recommendations with provider, phase, effort, donor overlap and decision, effort per phase, team actions', async () => {
    const text = dom(await html('plan')).body.textContent ?? '';
    expect(text).toContain('Prioritised capabilities');
    expect(text).toContain('Framework weight 3 (essential)');
    expect(text).toContain('Set by the team: 2 (important); framework weight 3');
    expect(text).toContain('Strategy work is already funded nationally');
    expect(text).toContain('Other donors give substantial support (×0.7)');
    expect(text).toContain('UNODC Global Programme on Cybercrime');
    expect(text).toContain('Overlap: substantial support');
    expect(text).toContain('Short term');
    expect(text).toContain('Proposed');
    expect(text).toContain('Effort per phase');
    expect(text).toContain('Second a CSIRT mentor for six months');
    expect(text).toContain('JICA country office');
    expect(text).toContain('Ask the national CSIRT which shift pattern suits.');
    expect(text).toContain('Presence of Japanese businesses');
  });
});

describe('languages', () => {
  it('renders in Japanese with Japanese labels, country name and framework texts', async () => {
    const source = await html('summary', { language: 'ja' });
    expect(source).toContain('<html lang="ja" dir="ltr">');
    const text = dom(source).body.textContent ?? '';
    expect(text).toContain('サイバー能力評価報告書');
    expect(text).toContain('ベトナム');
    expect(text).toContain('領域別の主な評価結果');
    expect(text).toContain('サイバー衛生：政府機関・国家CSIRT');
    expect(text).not.toContain('Key findings by domain');
  });

  it('a bilingual report shows every label and framework text in both languages, and user text once', async () => {
    const input = exportInput('html', 'full', { language: 'en', secondLanguage: 'ja' });
    const source = (await renderExport(input)).content;
    const document = dom(source);
    const text = document.body.textContent ?? '';
    for (const [en, ja] of [
      ['Key findings by domain', '領域別の主な評価結果'],
      ['Evidence and notes', '根拠とメモ'],
      ['How the scores and priorities are computed', 'スコアと優先度の算出方法'],
      [input.framework.domains[0]!.title.en, input.framework.domains[0]!.title.ja!],
      [input.framework.domains[0]!.capabilities[0]!.indicators[0]!.question.en, input.framework.domains[0]!.capabilities[0]!.indicators[0]!.question.ja!],
      ['Vietnam', 'ベトナム'],
    ]) {
      expect(text).toContain(en);
      expect(text).toContain(ja);
    }
    expect([...document.querySelectorAll('[lang="ja"]')].length).toBeGreaterThan(100);
    expect(source.split('The national strategy was adopted by decree').length - 1).toBe(1);
  });
});

describe('the method section states the scope of the framework', () => {
  it('shows what CCAT leaves out (defence) in both languages of a bilingual full report on 1.1.0, and no scope heading on 1.0.0', async () => {
    const onNew = dom(await html('full', { frameworkVersion: '1.1.0', assessment: fieldAssessment(shippedFramework('1.1.0')), secondLanguage: 'ja' }));
    const headings = [...onNew.querySelectorAll('h3')].map((h) => h.textContent ?? '');
    expect(headings.some((h) => h.includes('What CCAT leaves out') && h.includes('CCATが対象としないもの'))).toBe(true);
    expect(onNew.body.textContent).toContain('deliberately leaves out military and defence cyber capabilities');
    expect(onNew.body.textContent).toContain('軍事・防衛のサイバー能力');
    const onOld = dom(await html('full'));
    expect(onOld.body.textContent).not.toContain('What CCAT leaves out');
  });
});

