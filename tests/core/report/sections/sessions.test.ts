import { describe, expect, it } from 'vitest';
import { createBuildContext } from '../../../../core/report/build-context';
import { flat, type Block } from '../../../../core/report/document';
import { sessionsSection } from '../../../../core/report/sections/sessions';
import { exportInput } from '../report-fixture';

/** What a reader of the section sees, block by block: headings and paragraphs as text, tables as header and cell texts. */
function seen(blocks: readonly Block[]): unknown[] {
  return blocks.map((block) => {
    if (block.kind === 'heading' || block.kind === 'paragraph') return flat(block.text);
    if (block.kind === 'table') return { headers: block.columns.map((c) => flat(c.header)), rows: block.rows.map((row) => row.map((cell) => cell.lines.map((l) => flat(l.text)).join(' | '))) };
    return block.kind;
  });
}

describe('the sessions section', () => {
  it('counts the sessions and participants and heads its table with date, stakeholders, participants and organisations', () => {
    const ctx = createBuildContext(exportInput('html', 'full'));
    const [heading, intro, table] = seen(sessionsSection(ctx));
    const { sessions } = ctx.assessment;
    const participants = sessions.reduce((sum, s) => sum + s.participants, 0);
    expect(heading).toBe('Interviews and workshops');
    expect(intro).toBe(`${sessions.length} sessions with ${participants} participants in total. Organisations are not named for non-attributable sessions.`);
    expect(table).toMatchObject({ headers: ['Date', 'Stakeholders', 'Participants', 'Organisations'] });
    // The introduction is set apart from the table as a muted note.
    expect(sessionsSection(ctx)[1]).toMatchObject({ kind: 'paragraph', tone: 'muted' });
    expect((table as { rows: string[][] }).rows.map((row) => row[2])).toEqual([...sessions].sort((a, b) => a.date.localeCompare(b.date)).map((s) => String(s.participants)));
    // Participants are figures, set as figures (aligned like numbers) in every row; the other cells are text.
    const block = sessionsSection(ctx)[2] as Extract<Block, { kind: 'table' }>;
    expect(block.rows.map((row) => row.map((cell) => cell.numeric === true))).toEqual(block.rows.map(() => [false, false, true, false]));
  });

  it('says that no sessions were recorded when there are none', () => {
    const input = exportInput('html', 'full');
    const ctx = createBuildContext({ ...input, assessment: { ...input.assessment, sessions: [] } });
    expect(seen(sessionsSection(ctx))).toEqual(['Interviews and workshops', 'No sessions were recorded.']);
    expect(sessionsSection(ctx)[1]).toMatchObject({ kind: 'paragraph', tone: 'muted' });
  });
});
