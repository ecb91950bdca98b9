/*
 * A parser for the small Markdown subset the assessor's guide uses: headings with `{#id}`
 * anchors, paragraphs, bullet and numbered lists (one level of nesting), tables, and inline
 * code, bold, italic and links. It returns plain data that React renders as elements, so no
 * text from the guide ever reaches the page as HTML.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export interface ListItem {
  content: Inline[];
  children?: Block;
}

export type Block =
  | { kind: 'heading'; level: number; id?: string; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] };

const headingPattern = /^(#{1,6})\s+(.*?)(?:\s+\{#([a-z0-9-]+)\})?\s*$/;
const bulletPattern = /^(\s*)(?:[-*]|(\d+)\.)\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const heading = headingPattern.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, content: parseInline(heading[2]!), ...(heading[3] ? { id: heading[3] } : {}) });
      i += 1;
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(lines[i++]!);
      blocks.push(table(rows));
      continue;
    }
    if (bulletPattern.test(line)) {
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && (bulletPattern.test(lines[i]!) || /^\s+\S/.test(lines[i]!))) items.push(lines[i++]!);
      blocks.push(list(items));
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !headingPattern.test(lines[i]!) && !lines[i]!.startsWith('|') && !bulletPattern.test(lines[i]!)) paragraph.push(lines[i++]!.trim());
    blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

/** Lines of one list; lines indented deeper than the first bullet belong to a nested list or continue an item. */
function list(lines: string[]): Block {
  const first = bulletPattern.exec(lines[0]!)!;
  const indent = first[1]!.length;
  const ordered = first[2] !== undefined;
  const items: Array<{ text: string; nested: string[] }> = [];
  for (const line of lines) {
    const bullet = bulletPattern.exec(line);
    if (bullet && bullet[1]!.length === indent) items.push({ text: bullet[3]!, nested: [] });
    else if (bullet) items.at(-1)?.nested.push(line);
    else if (items.at(-1)?.nested.length) items.at(-1)!.nested.push(line);
    else if (items.at(-1)) items.at(-1)!.text += ` ${line.trim()}`;
  }
  return {
    kind: 'list',
    ordered,
    items: items.map(({ text, nested }) => ({ content: parseInline(text), ...(nested.length > 0 ? { children: list(nested) } : {}) })),
  };
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

function table(rows: string[]): Block {
  const [head = '', separator, ...body] = rows;
  // Without a separator line (`|---|`) every row is a body row.
  const hasHead = separator !== undefined && /^\|?\s*:?-{3,}/.test(separator);
  const bodyRows = hasHead ? body : rows;
  return {
    kind: 'table',
    head: hasHead ? cells(head).map(parseInline) : [],
    rows: bodyRows.map((row) => cells(row).map(parseInline)),
  };
}

/** Inline markup, innermost first: code spans hide everything inside them. */
function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const code = /^`([^`]+)`/.exec(rest);
    const strong = /^\*\*(.+?)\*\*/.exec(rest);
    const em = /^\*([^*\s][^*]*?)\*/.exec(rest);
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    const match = code ?? strong ?? link ?? em;
    if (!match) {
      plain += text[i];
      i += 1;
      continue;
    }
    flush();
    if (match === code) out.push({ kind: 'code', text: match[1]! });
    else if (match === strong) out.push({ kind: 'strong', children: parseInline(match[1]!) });
    else if (match === link) out.push({ kind: 'link', href: match[2]!, children: parseInline(match[1]!) });
    else out.push({ kind: 'em', children: parseInline(match[1]!) });
    i += match[0].length;
  }
  flush();
  return out;
}

/** The text of inline content without markup, e.g. for a table of contents. */
export function plainText(content: readonly Inline[]): string {
  return content.map((part) => (part.kind === 'text' || part.kind === 'code' ? part.text : plainText(part.children))).join('');
}
