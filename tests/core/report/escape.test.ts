import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../core/report/escape';

describe('escapeHtml', () => {
  it('escapes the five characters that can open a tag, an entity or an attribute, every time they occur', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a><b>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;&lt;b&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves every other text as it is', () => {
    expect(escapeHtml('Viet Nam 2026 — تقييم 評価 = + - @ / \\ `')).toBe('Viet Nam 2026 — تقييم 評価 = + - @ / \\ `');
  });
});
