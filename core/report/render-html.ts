import { chartSvg } from './chart-svg';
import { reportCsp } from './csp';
import { textDirection } from '../../locales/languages';
import type { Block, Cell, Column, Line, ReportDocument, TableBlock, Txt } from './document';
import { documentDirection, isMixedDirection, isShortPair } from './document';
import { escapeHtml } from './escape';
import { reportStyles } from './html-styles';

/** A document of wide tables: landscape pages in print, and on screen the width a wide window offers. */
const landscapeStyles = '@page{size:A4 landscape}@media screen{body{max-width:1400px}}';

/**
 * The self-contained HTML report. Every text passes through escapeHtml; user text is marked
 * dir="auto" so that right-to-left notes lay out correctly inside a left-to-right report. The page
 * takes its first language's direction; a second-language part carries its own lang and, where it
 * differs, its own dir. Figures and ids stay left to right inside right-to-left text.
 */
export function renderHtml(doc: ReportDocument): string {
  const direction = documentDirection(doc);
  const mixed = isMixedDirection(doc);
  const langAttrs = (i: number): string => {
    const language = doc.languages[i] ?? doc.languages[0]!;
    return ` lang="${language}"${textDirection(language) !== direction || mixed ? ` dir="${textDirection(language)}"` : ''}`;
  };
  // Short pairs go on one line only where the column is wide (the facts table); narrow table columns stack.
  const txt = (text: Txt, wide = false): string => {
    if (text.user) return `<span class="u" dir="auto">${escapeHtml(text.parts[0] ?? '')}</span>`;
    if (text.neutral && direction === 'rtl') return `<bdi dir="ltr">${escapeHtml(text.parts[0] ?? '')}</bdi>`;
    const inline = wide && isShortPair(text) ? ' in' : '';
    // Between parts of opposite directions the " / " stands outside both, or it would sit at the far end of the right-to-left one.
    const separator = mixed ? `<span class="sep${inline}" aria-hidden="true"> / </span>` : '';
    return text.parts
      .map((part, i) => (i === 0 ? `<span${text.parts.length > 1 && mixed ? langAttrs(0) : ''}>${escapeHtml(part)}</span>` : `${separator}<span class="l2${inline}"${langAttrs(i)}>${escapeHtml(part)}</span>`))
      .join('');
  };
  /** A long text of a left-to-right and a right-to-left language: two columns, each in its own language and direction. */
  const columns = (text: Txt, tag: string, attributes = ''): string =>
    `<div class="columns">${text.parts.map((part, i) => `<${tag}${attributes}${langAttrs(i)}>${escapeHtml(part)}</${tag}>`).join('')}</div>`;
  const sideBySide = (text: Txt) => mixed && !text.user && text.parts.length > 1;
  const line = (l: Line, wide = false) => `<div class="line${l.tone ? ` ${l.tone}` : ''}">${txt(l.text, wide)}</div>`;
  const classes = (...names: Array<string | false | undefined>) => {
    const list = names.filter(Boolean).join(' ');
    return list === '' ? '' : ` class="${list}"`;
  };
  const cellHtml = (c: Cell, column: Column | undefined, tag: 'td' | 'th', scope = '') =>
    `<${tag}${scope}${classes(c.numeric && 'num', column?.freeText && 'free')}>${c.lines.map((l) => line(l)).join('')}</${tag}>`;
  const table = (t: TableBlock) =>
    (t.sizedByContent ? '<table class="sized-by-content">' : `<table><colgroup>${t.columns.map((c) => `<col style="width:${c.width}%">`).join('')}</colgroup>`) +
    `<thead><tr>${t.columns.map((c) => `<th scope="col"${classes(c.numeric && 'num', c.freeText && 'free')}>${txt(c.header)}</th>`).join('')}</tr></thead>` +
    `<tbody>${t.rows.map((row) => `<tr>${row.map((c, i) => (i === 0 && t.rowHeaders ? cellHtml(c, t.columns[i], 'th', ' scope="row"') : cellHtml(c, t.columns[i], 'td'))).join('')}</tr>`).join('')}</tbody></table>`;
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'heading':
        return `<h${b.level}>${txt(b.text)}</h${b.level}>`;
      case 'paragraph':
        return sideBySide(b.text) ? columns(b.text, 'p', b.tone ? ` class="${b.tone}"` : '') : `<p${b.tone ? ` class="${b.tone}"` : ''}>${txt(b.text, true)}</p>`;
      case 'list':
        return `<ul class="method">${b.items.map((item) => `<li>${txt(item)}</li>`).join('')}</ul>`;
      case 'facts':
        return `<table class="facts"><tbody>${b.rows.map((r) => `<tr><th scope="row">${txt(r.label, true)}</th><td>${r.value.map((l) => line(l, true)).join('')}</td></tr>`).join('')}</tbody></table>`;
      case 'table':
        return table(b);
      case 'chart':
        // The SVG carries the numbers in <title>/<desc>; the findings table beside it repeats them.
        return `<figure class="chart">${chartSvg(b.chart, doc)}</figure>`;
    }
  };
  return `<!DOCTYPE html>
<html lang="${doc.languages[0]}" dir="${direction}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(doc.documentTitle)}</title>
<style>${reportStyles}${doc.landscape ? landscapeStyles : ''}</style>
</head>
<body${doc.languages.length > 1 ? ` class="bilingual${mixed ? ' mixed' : ''}"` : ''}>
<header>
${doc.classification || doc.draft ? `<p class="marking">${doc.classification ? `<span class="classification">${txt(doc.classification, true)}</span>` : ''}${doc.draft ? `<span class="draft">${txt(doc.draft, true)}</span>` : ''}</p>` : ''}
<p class="kicker">${txt(doc.kicker)}</p>
<h1 dir="auto">${escapeHtml(doc.title)}</h1>
<p class="muted">${txt(doc.generated)}</p>
</header>
<main>
${doc.blocks.map(block).join('\n')}
</main>
${doc.translationNote ? `<footer class="translation">${sideBySide(doc.translationNote) ? columns(doc.translationNote, 'p', ' class="muted"') : `<p class="muted">${txt(doc.translationNote, true)}</p>`}</footer>` : ''}
</body>
</html>
`;
}
