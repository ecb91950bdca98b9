import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport, reportCsp } from '../../../core/report/html-report';
import { scoreAssessment } from '../../../core/scoring/scores';
import { assessmentFor, response, shippedFramework } from '../fixtures';

const framework = shippedFramework('1.0.0');
const [first, second, third] = framework.domains[0]!.capabilities[0]!.indicators;
const hostile = '<img src=x onerror=alert(1)> </script><script>alert(2)</script> <a href="javascript:alert(3)">x</a> مرحبا';
const assessment = assessmentFor(
  framework,
  {
    [first!.id]: response({ kind: 'level', level: 3 }, { notes: hostile, confidence: 'medium' }),
    [second!.id]: response({ kind: 'notApplicable', reason: 'No <b>agency</b> yet' }),
    [third!.id]: response({ kind: 'unknown' }, { flagged: true }),
  },
  { title: 'Mission "A" & <B>' },
);

function render(language: 'en' | 'ja') {
  return renderHtmlReport({ framework, assessment, scores: scoreAssessment(framework, assessment), language, appVersion: '9.9.9', generatedAt: new Date('2026-03-04T10:00:00Z') });
}

describe('the HTML report', () => {
  const html = render('en');

  it('declares its own CSP and contains no script and no external reference', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${reportCsp}">`);
    const document = new JSDOM(html).window.document;
    expect(document.querySelectorAll('script, iframe, object, embed, link, img')).toHaveLength(0);
    const attributes = [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes]);
    expect(attributes.filter((a) => /^on/i.test(a.name)).map((a) => a.name)).toEqual([]);
    expect(attributes.filter((a) => /^(src|href|xlink:href)$/i.test(a.name)).map((a) => a.value)).toEqual([]);
  });

  it('escapes every user text, so it reads back literally', () => {
    const document = new JSDOM(html).window.document;
    expect(document.body.textContent).toContain(hostile);
    expect(document.querySelector('h1')?.textContent).toBe('Mission "A" & <B>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;');
    expect(html).toContain('Mission &quot;A&quot; &amp; &lt;B&gt;');
    expect(html).toContain('No &lt;b&gt;agency&lt;/b&gt; yet');
    expect(html).toContain('مرحبا');
  });

  it('shows the answers, an inline SVG radar with a text alternative, and the method', () => {
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).toContain('<title id="radar-title">');
    expect(html).toContain(`Level 3 — ${framework.levels[2]!.name.en}`);
    expect(html).toContain('Flagged for review');
    expect(html).toContain('How the scores are computed');
    expect(html).toMatch(/Vietnam|Viet Nam/);
  });

  it('renders in Japanese with Japanese labels and country name', () => {
    const ja = render('ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('サイバー能力評価報告書');
    expect(ja).toContain('ベトナム');
    expect(ja).toContain(framework.domains[0]!.title.ja!);
  });
});
