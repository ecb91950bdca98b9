// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ambient types of the untyped `xliff` package must come with this module into every tsconfig that imports it
/// <reference path="./xliff-package.d.ts" />
import js2xliff, { type XliffUnit } from 'xliff/js2xliff';
import xliff2js from 'xliff/xliff2js';
import { UnreadablePack, type PackMetadata } from './metadata';
import type { PackUnit } from './types';
import type { ParsedPack } from './validate';

/**
 * XLIFF 2.0 for CAT tools, written and read by the `xliff` package. One `<file>` per kind of
 * text (ui, framework, catalogue, guide); each `<unit>` carries the CCAT key as its `name` (unit
 * ids must be XML name tokens, which keys with `/` are not), the English source, the current
 * translation as target, the note, and for tight UI texts a size restriction (a hint; CCAT only
 * warns). The pack's status is in the first file's `<notes>` (category `ccat:status`, …).
 */
const statusNotes = ['status', 'reviewer', 'reviewedOn'] as const;

function unitId(key: string, used: Set<string>): string {
  const base = key.replace(/[^A-Za-z0-9._-]/g, '_');
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });

export async function writeXliff(units: readonly PackUnit[], metadata: PackMetadata): Promise<string> {
  const resources: Record<string, Record<string, XliffUnit>> = {};
  const used = new Set<string>();
  for (const unit of units) {
    const file = (resources[unit.kind] ??= {});
    file[unitId(unit.id, used)] = {
      source: unit.source,
      ...(unit.target === '' ? {} : { target: unit.target }),
      note: unit.note,
      additionalAttributes: { name: unit.id, ...(unit.maxLength === undefined ? {} : { sizeRestriction: unit.maxLength }) },
    };
  }
  const xml = await js2xliff({ sourceLanguage: 'en', targetLanguage: metadata.language, resources }, { indent: '  ' });
  const values = { status: metadata.status.kind, reviewer: metadata.status.kind === 'reviewed' ? metadata.status.reviewer : '', reviewedOn: metadata.status.kind === 'reviewed' ? metadata.status.reviewedOn : '' };
  const notes = [
    '<notes>',
    ...statusNotes.map((name) => `<note id="ccat-${name}" category="ccat:${name}">${escapeXml(values[name])}</note>`),
    `<note id="ccat-about" category="ccat:about">${escapeXml(metadata.about)}</note>`,
    '</notes>',
  ].join('\n      ');
  // The package has no file-level notes; they go after the optional size-restriction profiles, as XLIFF 2.0 orders them.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.replace(/(<file id="[^"]*">(?:\s*<slr:profiles\b[\s\S]*?<\/slr:profiles>)?)/, `$1\n      ${notes}`)}\n`;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[1] ?? match[2] ?? '') : undefined;
}

/** Text of a parsed target; inline elements (`<pc>`, `<ph>`…) are markup CCAT cannot show. */
function flatten(value: unknown): { text: string; markup: boolean } {
  if (value === undefined || value === null) return { text: '', markup: false };
  if (typeof value === 'string') return { text: value, markup: false };
  if (Array.isArray(value)) {
    const parts = value.map(flatten);
    return { text: parts.map((p) => p.text).join(''), markup: parts.some((p) => p.markup) || value.some((v) => typeof v !== 'string') };
  }
  return { text: '', markup: true };
}

export async function readXliff(xml: string): Promise<ParsedPack> {
  let parsed;
  try {
    parsed = await xliff2js(xml, {});
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').join(', ') : String(error);
    throw new UnreadablePack(`this is not well-formed XML (${detail}).`);
  }
  const root = /<xliff\b[^>]*>/.exec(xml);
  if (!root || parsed.resources === undefined) throw new UnreadablePack('this is not an XLIFF 2.0 file (CCAT exports and reads XLIFF 2.0).');
  const rootLocation = { line: lineAt(xml, root.index) };
  const units: ParsedPack['units'] = [];
  const fileTag = /<file\b[^>]*>/g;
  const files = [...xml.matchAll(fileTag)].map((m) => ({ index: m.index, id: attribute(m[0], 'id') ?? 'default' }));
  for (const match of xml.matchAll(/<unit\b[^>]*>/g)) {
    const id = attribute(match[0], 'id');
    if (id === undefined) continue;
    const file = files.filter((f) => f.index < match.index).at(-1)?.id ?? 'default';
    const unit = parsed.resources[file]?.[id];
    const { text, markup } = flatten(unit?.target);
    // The package drops elements it does not know (`<b>`) with their text, so the raw target is checked too.
    const end = xml.indexOf('</unit>', match.index);
    const rawTarget = /<target\b[^>]*>([\s\S]*?)<\/target>/.exec(xml.slice(match.index, end === -1 ? undefined : end))?.[1] ?? '';
    const inlineMarkup = markup || /<[A-Za-z/]/.test(rawTarget);
    units.push({ key: attribute(match[0], 'name') ?? id, target: text, location: { line: lineAt(xml, match.index) }, ...(inlineMarkup ? { inlineMarkup: true } : {}) });
  }
  const note = (name: string) => {
    const found = new RegExp(`<note\\b[^>]*category="ccat:${name}"[^>]*>([\\s\\S]*?)</note>|<note\\b[^>]*category="ccat:${name}"[^>]*/>`).exec(xml);
    return found ? { text: unescapeXml(found[1] ?? '').trim(), location: { line: lineAt(xml, found.index) } } : undefined;
  };
  const status = note('status');
  return {
    language: parsed.targetLanguage ?? '',
    languageLocation: rootLocation,
    status: { kind: status?.text ?? 'draft', reviewer: note('reviewer')?.text ?? '', reviewedOn: note('reviewedOn')?.text ?? '' },
    statusLocation: status?.location ?? rootLocation,
    units,
  };
}
