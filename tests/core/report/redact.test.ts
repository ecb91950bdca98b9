import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../../core/model/assessment';
import { redactAssessment, REDACTED } from '../../../core/report/redact';
import { renderExport } from '../../../core/report/render-export';
import { visibleText } from './extract';
import { exportInput, fieldAssessment, namedOrganisation, people, secretOrganisation } from './report-fixture';

/** The attributable session of the fixture: its organisation and title, which an unredacted full report shows. */
const attributable = [namedOrganisation, 'Meeting at the ministry'] as const;

/** The text of every format a redacted full report is read in; the PDF is the HTML Chromium is given to print. */
async function fullReportTexts(redact: boolean): Promise<Record<'html' | 'docx' | 'xlsx' | 'pdf', string>> {
  const printed: string[] = [];
  const printPdf = async (html: string) => {
    printed.push(html);
    return new TextEncoder().encode('%PDF-1.4\n<< /Type /Page >>\n%%EOF\n');
  };
  const [html, docx, xlsx] = await Promise.all((['html', 'docx', 'xlsx'] as const).map(async (format) => visibleText(await renderExport(exportInput(format, 'full', { redact })))));
  await renderExport(exportInput('pdf', 'full', { redact }), { printPdf });
  return { html: html!, docx: docx!, xlsx: xlsx!, pdf: printed[0]! };
}

const formats = ['html', 'docx', 'xlsx', 'csv', 'json'] as const;

describe('redacted exports', () => {
  it.each(formats)('%s: no person and no non-attributable organisation appears in any report', async (format) => {
    for (const report of ['summary', 'full', 'plan'] as const) {
      const file = await renderExport(exportInput(format, report, { redact: true }));
      const layout = format === 'json' ? '' : `${report}-en-`;
      expect(file.fileName).toMatch(new RegExp(`-VN-${layout}redacted-2026-03-06\\.${format}$`));
      const text = await visibleText(file);
      for (const name of [...people, secretOrganisation]) expect(text, `${format} ${report} mentions ${name}`).not.toContain(name);
    }
  });

  it('names no organisation and no session title, not even of attributable sessions, in HTML, DOCX, XLSX or PDF', async () => {
    // Unredacted, every format shows them: the search below can see them when they are there.
    for (const [format, text] of Object.entries(await fullReportTexts(false))) for (const shown of attributable) expect(text, `unredacted ${format}`).toContain(shown);
    for (const [format, text] of Object.entries(await fullReportTexts(true))) {
      for (const hidden of [...attributable, secretOrganisation]) expect(text, `redacted ${format} mentions ${hidden}`).not.toContain(hidden);
      if (format !== 'xlsx') expect(text, format).toContain('Withheld in this edition');
    }
  });

  it('says in the report that it is redacted, and how many people were on the team', async () => {
    const text = await visibleText(await renderExport(exportInput('html', 'summary', { redact: true })));
    expect(text).toContain('Redacted edition');
    expect(text).toContain('3 team members (names withheld)');
  });

  it('takes every name out of the JSON, sign-off and reopening included, and keeps what was rated and when', () => {
    const base = fieldAssessment();
    const [firstId, firstResponse] = Object.entries(base.responses)[0]!;
    const assessment = {
      ...base,
      signOff: { by: people[0], at: '2026-03-06T08:00:00.000Z' },
      reopened: { by: people[1], at: '2026-03-07T08:00:00.000Z', reason: 'Decree found' },
      history: [...base.history, { at: '2026-03-03T09:00:00.000Z', by: people[2], field: `response:${firstId}.notes`, from: 'old note', to: 'new note' }],
    };
    const redacted = redactAssessment(assessment);
    const text = JSON.stringify(redacted);
    for (const name of [...people, secretOrganisation, 'Workshop hosted by']) expect(text, name).not.toContain(name);
    expect(redacted.signOff).toEqual({ by: REDACTED, at: '2026-03-06T08:00:00.000Z' });
    expect(redacted.reopened).toEqual({ by: REDACTED, at: '2026-03-07T08:00:00.000Z', reason: 'Decree found' });
    expect(redacted.history.at(-1)).toEqual({ at: '2026-03-03T09:00:00.000Z', by: REDACTED, field: `response:${firstId}.notes`, from: 'old note', to: 'new note' });
    expect(redacted.responses[firstId]).toEqual({ ...firstResponse, updatedBy: REDACTED });
    expect(redacted.attachments).toEqual(base.attachments.map((a) => ({ ...a, addedBy: REDACTED })));
    // Emptied, not replaced by another text: an empty field is what the schema and every report treat as "not stated".
    const nonAttributable = redacted.sessions.find((s) => s.nonAttributable)!;
    expect(nonAttributable).toMatchObject({ organisations: '', title: '', notes: '' });
    expect(Object.values(nonAttributable.inputs).length).toBeGreaterThan(0);
    expect(Object.values(nonAttributable.inputs).map((i) => [i.note, i.updatedBy])).toEqual(Object.values(nonAttributable.inputs).map(() => ['', REDACTED]));
    const attributable = redacted.sessions.find((s) => !s.nonAttributable)!;
    expect(attributable.title).toBe('Meeting at the ministry');
    expect(Object.values(attributable.inputs).map((i) => i.updatedBy)).toEqual([REDACTED]);
    expect(Object.values(attributable.inputs).map((i) => i.note)).toEqual(['Strategy shown']);
    // Without a sign-off there is none afterwards either: nothing is invented.
    expect('signOff' in redactAssessment(base)).toBe(false);
    expect('reopened' in redactAssessment(base)).toBe(false);
  });

  it('keeps the JSON a valid assessment, with roles but without names', () => {
    const redacted = redactAssessment(fieldAssessment());
    expect(assessmentSchema.safeParse(redacted).success).toBe(true);
    expect(redacted.team.map((m) => m.name)).toEqual([REDACTED, REDACTED, REDACTED]);
    expect(redacted.team.map((m) => m.role)).toEqual(['Team lead', 'CIP analyst', 'Interpreter']);
    expect(redacted.sessions.find((s) => s.nonAttributable)!.organisations).toBe('');
    expect(redacted.sessions.find((s) => !s.nonAttributable)!.organisations).toBe(namedOrganisation);
    expect(redacted.history.every((h) => h.by === REDACTED && h.from === null && h.to === null)).toBe(true);
  });
});

describe('unredacted exports', () => {
  it('name the team, and still never the organisations of a non-attributable session in a report', async () => {
    for (const format of ['html', 'docx', 'xlsx', 'csv'] as const) {
      const text = await visibleText(await renderExport(exportInput(format, 'full')));
      expect(text, format).not.toContain(secretOrganisation);
      if (format !== 'csv') expect(text, format).toContain(people[0]);
    }
  });

  it('JSON is the assessment as stored, with the scores computed from it beside its keys', async () => {
    const input = exportInput('json', 'full');
    const file = await renderExport(input);
    const { scores, ...assessment } = JSON.parse(file.content) as Record<string, unknown>;
    expect(assessment).toEqual(input.assessment);
    expect(scores).toEqual(input.scores);
  });
});
