// @vitest-environment jsdom
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { guideSections, loadGuide } from '../../renderer/help/guide';
import HelpScreen from '../../renderer/help/HelpScreen';
import { HowToRateLink, RATING_SECTION } from '../../renderer/help/HowToRateLink';
import { Markdown } from '../../renderer/help/Markdown';
import { parseMarkdown } from '../../renderer/help/markdown';
import { setupI18n, switchLanguage } from '../../renderer/i18n';
import { parseRoute } from '../../renderer/route';

beforeAll(async () => {
  await setupI18n();
});

const html = (source: string) => renderToStaticMarkup(<Markdown blocks={parseMarkdown(source)} />);

describe('the guide renderer', () => {
  it('renders the subset the guide uses as elements', () => {
    const source = [
      '# Title',
      '',
      '## 2. Rating {#rating}',
      '',
      'A **bold** and *italic* `code` paragraph',
      'over two lines.',
      '',
      '- *low*: one source',
      '- two',
      '  - nested',
      '',
      '1. **First** — one',
      '2. Second',
      '',
      '| Level | Meaning |',
      '|---|---|',
      '| 1 | Start-up |',
    ].join('\n');
    expect(html(source)).toBe(
      '<h2>Title</h2><h3 id="guide-rating" tabindex="-1">2. Rating</h3>' +
        '<p>A <strong>bold</strong> and <em>italic</em> <code>code</code> paragraph over two lines.</p>' +
        '<ul><li><em>low</em>: one source</li><li>two<ul><li>nested</li></ul></li></ul>' +
        '<ol><li><strong>First</strong> — one</li><li>Second</li></ol>' +
        '<div class="guide-table"><table><thead><tr><th scope="col">Level</th><th scope="col">Meaning</th></tr></thead><tbody><tr><td>1</td><td>Start-up</td></tr></tbody></table></div>',
    );
  });

  it('never passes HTML through and links only to web addresses', () => {
    const out = html('<img src=x onerror="alert(1)"> [file](framework.ja.md) [bad](javascript:alert(1)) [site](https://example.org)\n\n<script>alert(1)</script>');
    expect(out).not.toMatch(/<img|<script|href="javascript|href="framework/);
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(out).toContain('<span>file</span>');
    expect(out).toContain('<a href="https://example.org" target="_blank" rel="noreferrer">site</a>');
  });
});

describe('the assessor\'s guide in the app', () => {
  it('has the same linkable sections in English and Japanese, including the rating rules', async () => {
    const en = guideSections((await loadGuide('en')).blocks);
    const ja = guideSections((await loadGuide('ja')).blocks);
    expect(ja.map((s) => s.id)).toEqual(en.map((s) => s.id));
    expect(en.map((s) => s.id)).toEqual(['scope', 'changes', 'levels', 'rating', 'scores', 'domains', 'refs', 'catalogue']);
    expect(en.find((s) => s.id === RATING_SECTION)?.title).toBe('2. Rating an indicator from evidence');
    expect(ja.find((s) => s.id === RATING_SECTION)?.title).toBe('2. 根拠に基づく指標の評定');
  });

  it.each([
    ['en', 'Help', '2. Rating an indicator from evidence', 'Choose the highest level whose descriptor is fully evidenced.'],
    ['ja', 'ヘルプ', '2. 根拠に基づく指標の評定', '記述のすべてが根拠で裏付けられる最も高いレベルを選ぶ。'],
  ])('shows the guide in the UI language (%s)', async (language, heading, section, rule) => {
    await switchLanguage(language as 'en' | 'ja');
    await loadGuide(language);
    const page = renderToStaticMarkup(<HelpScreen section={RATING_SECTION} />);
    expect(page).toContain(`<h1>${heading}</h1>`);
    expect(page).toContain(`<h3 id="guide-rating" tabindex="-1">${section}</h3>`);
    expect(page).toContain(rule);
    expect(page).toContain(`<a href="#/help/rating" aria-current="location">${section}</a>`);
  });

  it('links "how to rate this" to the rating section of the guide', async () => {
    await i18next.changeLanguage('en');
    const link = renderToStaticMarkup(<HowToRateLink />);
    expect(link).toBe('<a class="how-to-rate" href="#/help/rating">How to rate this</a>');
    expect(parseRoute('#/help/rating')).toEqual({ screen: 'help', section: 'rating' });
  });
});
