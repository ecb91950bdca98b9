/**
 * The assessor's guide (docs/framework.md) as translatable units that reassemble into Markdown.
 * Each heading, paragraph line, list item and table cell is a unit; the Markdown around it
 * (`## `, `- `, `| `, ` {#id}`) stays outside the unit so a translator cannot break it. Units are
 * keyed by the section they are in (the last heading's `{#id}`, `intro` before the first) and their
 * index in it: `guide:rating/3`.
 */
export type GuidePart = string | { id: string; text: string; what: 'heading' | 'paragraph' | 'list item' | 'table cell' };

const heading = /^(#{1,6} +)(.*?)( *\{#([A-Za-z0-9_-]+)\})?$/;
const listItem = /^( *(?:[-*+]|\d+[.)]) +)(.*)$/;
const tableSeparator = /^\|[\s:|-]+\|$/;

/** The guide as literal Markdown and units, in order; joining them gives back the text exactly. */
export function guideParts(markdown: string): GuidePart[] {
  const parts: GuidePart[] = [];
  let section = 'intro';
  let index = 0;
  let fenced = false;
  const unit = (text: string, what: Exclude<GuidePart, string>['what']) => {
    parts.push({ id: `guide:${section}/${index++}`, text, what });
  };
  markdown.split('\n').forEach((line, lineIndex) => {
    if (lineIndex > 0) parts.push('\n');
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || line.startsWith('```') || line.trim() === '' || tableSeparator.test(line)) {
      parts.push(line);
      return;
    }
    const h = heading.exec(line);
    if (h) {
      if (h[4] !== undefined) {
        section = h[4];
        index = 0;
      }
      parts.push(h[1]!);
      unit(h[2]!, 'heading');
      if (h[3] !== undefined) parts.push(h[3]);
      return;
    }
    if (line.startsWith('|') && line.trimEnd().endsWith('|')) {
      const cells = line.trimEnd().slice(1, -1).split('|');
      parts.push('|');
      for (const cell of cells) {
        const lead = /^ */.exec(cell)![0];
        const trail = / *$/.exec(cell.slice(lead.length))![0];
        const text = cell.slice(lead.length, cell.length - trail.length);
        parts.push(lead);
        if (text !== '') unit(text, 'table cell');
        parts.push(`${trail}|`);
      }
      return;
    }
    const item = listItem.exec(line);
    if (item) {
      parts.push(item[1]!);
      unit(item[2]!, 'list item');
      return;
    }
    const indent = /^ */.exec(line)![0];
    parts.push(indent);
    unit(line.slice(indent.length), 'paragraph');
  });
  return parts;
}

export function guideUnits(markdown: string): Array<Exclude<GuidePart, string>> {
  return guideParts(markdown).filter((part): part is Exclude<GuidePart, string> => typeof part !== 'string');
}

/**
 * A translated guide's texts by the English guide's unit ids. A section is taken only where it
 * splits into as many units of the same kinds as the English one; a section translated with a
 * different shape cannot be matched unit by unit and counts as untranslated.
 */
export function matchGuideTexts(english: string, translated: string): Map<string, string> {
  const bySection = (markdown: string) => {
    const sections = new Map<string, Array<Exclude<GuidePart, string>>>();
    for (const unit of guideUnits(markdown)) {
      const section = unit.id.slice(0, unit.id.lastIndexOf('/'));
      sections.set(section, [...(sections.get(section) ?? []), unit]);
    }
    return sections;
  };
  const theirs = bySection(translated);
  const texts = new Map<string, string>();
  for (const [section, units] of bySection(english)) {
    const other = theirs.get(section);
    if (!other || other.length !== units.length || other.some((u, i) => u.what !== units[i]!.what)) continue;
    for (const unit of other) texts.set(unit.id, unit.text);
  }
  return texts;
}

/** The English guide's Markdown with each unit's text replaced from `texts` where it has one. */
export function assembleGuide(english: string, texts: ReadonlyMap<string, string>): string {
  return guideParts(english)
    .map((part) => (typeof part === 'string' ? part : (texts.get(part.id) ?? part.text)))
    .join('');
}
